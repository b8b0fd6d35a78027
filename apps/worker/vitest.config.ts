import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globalSetup: ['@gongzhi/infra/test-stack'],
    testTimeout: 300_000,
    hookTimeout: 120_000,
  },
});
