import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // One PostgreSQL and one Temporal dev server for the run; each file gets its own database and task queue.
    globalSetup: ['@gongzhi/infra/test-stack', './src/testing/workflow-bundle-setup.ts'],
    // Route tests drive real workflows through a real Temporal server: seconds, not milliseconds.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
