import type { TestProject } from 'vitest/node';
import { startApi } from './api-process.mjs';
import { browserTestPlan } from './chromium.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    apiOrigin: string;
  }
}

/** Starts the API once for every e2e file, and stops it when they are done. */
export default async function setup(project: TestProject) {
  const plan = browserTestPlan();
  if (!plan.run) {
    // vitest.e2e.config.ts marks every test skipped; this is the one line that says why.
    console.warn(plan.reason);
    return;
  }
  if (plan.missing) {
    // Every file then fails in launchBrowser with this message, and the reports count them.
    console.error(plan.missing);
    return;
  }
  const api = await startApi();
  project.provide('apiOrigin', api.origin);
  return () => api.stop();
}
