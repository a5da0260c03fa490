import type { TestProject } from 'vitest/node';
import { startApi } from './api-process.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    apiOrigin: string;
  }
}

/** Starts the API once for every e2e file, and stops it when they are done. */
export default async function setup(project: TestProject) {
  const api = await startApi();
  project.provide('apiOrigin', api.origin);
  return () => api.stop();
}
