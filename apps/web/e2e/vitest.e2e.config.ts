import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: real Chromium (playwright-core, /usr/bin/chromium) against the real stack —
 * Temporal, PostgreSQL, worker and API started by `pnpm start`'s own code (global-setup.ts) —
 * and the production build of the dashboard served by `vite preview`.
 */
export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['./global-setup.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 600_000,
    // A flow is one story told in order; a failed step makes the rest meaningless.
    bail: 1,
    sequence: { concurrent: false },
  },
});
