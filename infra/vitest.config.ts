import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        // The pieces themselves: each test starts what it needs.
        test: { name: 'pieces', include: ['src/**/*.test.ts'], exclude: ['src/test-stack.test.ts'], testTimeout: 60_000 },
      },
      {
        // The globalSetup as every other package uses it.
        test: {
          name: 'test-stack',
          include: ['src/test-stack.test.ts'],
          globalSetup: ['./src/test-stack.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
