export const CHROMIUM_ARGS: string[];
export function chromiumPath(env?: NodeJS.ProcessEnv): string;
export type BrowserTestPlan =
  { run: true; executable: string; missing?: string } | { run: false; reason: string };
export function browserTestPlan(env?: NodeJS.ProcessEnv): BrowserTestPlan;
