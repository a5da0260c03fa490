import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The tests start the real API as a process and hash demo passwords with argon2.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
