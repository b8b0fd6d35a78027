import react from '@vitejs/plugin-react';
import type { Plugin, Rollup } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * `<link rel="modulepreload">` for lazily imported chunks the first screen always needs: the
 * browser downloads them alongside the entry, but parses and runs them only when imported, so
 * the shell paints first. Used for the API contract (zod schemas), which every page loads right
 * after the shell. scripts/check-bundle-size.ts reports these preloads beside the initial JS.
 */
function preloadLazyChunks(moduleSuffixes: string[]): Plugin {
  return {
    name: 'gongzhi:preload-lazy-chunks',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle, chunk }) {
        if (!bundle || !chunk) return [];
        const chunks = Object.values(bundle as Rollup.OutputBundle).filter((item): item is Rollup.OutputChunk => item.type === 'chunk');
        const byFile = new Map(chunks.map((item) => [item.fileName, item]));
        const closure = (start: Rollup.OutputChunk, into = new Set<string>()) => {
          if (into.has(start.fileName)) return into;
          into.add(start.fileName);
          for (const imported of start.imports) {
            const next = byFile.get(imported);
            if (next) closure(next, into);
          }
          return into;
        };
        const initial = closure(chunk as Rollup.OutputChunk);
        const wanted = new Set<string>();
        for (const item of chunks) {
          if (item.facadeModuleId && moduleSuffixes.some((suffix) => item.facadeModuleId?.endsWith(suffix))) closure(item, wanted);
        }
        return [...wanted]
          .filter((file) => !initial.has(file))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` }, injectTo: 'head' as const }));
      },
    },
  };
}

/**
 * Dev server on 127.0.0.1:5173 with the API proxied same-origin, so the session cookie and the
 * SSE stream just work. `pnpm start` runs `vite --port <GONGZHI_WEB_PORT> --strictPort` and passes
 * GONGZHI_API_URL; standalone, the API is expected on :3000.
 */
const apiUrl = process.env.GONGZHI_API_URL ?? 'http://127.0.0.1:3000';

const proxy = {
  '/api': {
    target: apiUrl,
    changeOrigin: false,
    // SSE: keep the stream unbuffered and open as long as the browser wants it.
    timeout: 0,
    proxyTimeout: 0,
  },
};

export default defineConfig({
  plugins: [react(), preloadLazyChunks(['packages/contracts/src/index.ts'])],
  server: { host: '127.0.0.1', port: 5173, proxy },
  preview: { host: '127.0.0.1', port: 4173, proxy },
  build: {
    target: 'es2022',
    sourcemap: false,
    // scripts/check-bundle-size.ts reads the manifest to find the entry chunk and its static imports.
    manifest: true,
    chunkSizeWarningLimit: 1200,
  },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts'],
    setupFiles: ['src/testing/setup.ts'],
    css: false,
    testTimeout: 20_000,
  },
});
