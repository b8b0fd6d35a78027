import { defineConfig } from 'tsup';

// The worker ships as one ESM file; workspace packages are bundled in, npm dependencies stay external.
export default defineConfig({
  entry: { main: 'src/main.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  noExternal: [/^@gongzhi\//],
});
