export const playgroundDir: string;
export const E2E_JWT_SECRET: string;
export const CHROMIUM_ARGS: string[];
export function chromiumPath(): string;
export interface RunningApi {
  origin: string;
  stop(): Promise<void>;
}
export function startApi(options?: { log?: boolean }): Promise<RunningApi>;
