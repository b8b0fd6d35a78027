import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@gongzhi/infra/test-stack'],
    // Workflow tests run whole engagements against a real Temporal server: seconds, not millis.
    testTimeout: 180_000,
    hookTimeout: 120_000,
  },
});
