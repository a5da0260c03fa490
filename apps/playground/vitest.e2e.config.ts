import { defineConfig } from 'vitest/config';
import { browserTestPlan } from './e2e/support/chromium.mjs';

const browser = browserTestPlan();

/** Browser end-to-end tests: the real built API as a process, Debian's Chromium through playwright-core. */
export default defineConfig({
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/support/global-setup.ts'],
    // Without Chromium (and outside CI) every test is still collected and reported as skipped:
    // a name pattern that matches nothing, so no hook launches a browser. The global setup says why.
    testNamePattern: browser.run ? undefined : /(?!)/,
    // One browser and one API on a two-core machine: files run one after another.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
