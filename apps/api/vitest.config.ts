import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Nest reads constructor types from decorator metadata, which esbuild does not emit; SWC does.
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.e2e-spec.ts'],
    setupFiles: ['reflect-metadata'],
    // Prints how many answers the suites checked against the OpenAPI document (test-app.ts).
    globalSetup: ['test/support/contract/contract-tally.global.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // argon2 and the databases are shared resources on a 2-core machine; files run one at a time.
    fileParallelism: false,
  },
});
