export const playgroundDir: string;
export const E2E_JWT_SECRET: string;
export interface RunningApi {
  origin: string;
  stop(): Promise<void>;
}
export function startApi(options?: { log?: boolean }): Promise<RunningApi>;
