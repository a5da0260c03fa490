import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The tests start the real API and wait for a short-lived token to expire.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
