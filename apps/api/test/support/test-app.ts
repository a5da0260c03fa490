import type { NestExpressApplication } from '@nestjs/platform-express';
import supertest from 'supertest';
import { createApp } from '../../src/app.factory.js';
import { loadSigningKeys, type SigningKeys } from '../../src/auth/tokens/signing-keys.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { testConfig } from './test-config.js';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  keys: SigningKeys;
  http: ReturnType<typeof supertest>;
  close(): Promise<void>;
}

/** Boots the real API (the same createApp as main.ts) on the given configuration. */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const keys = await loadSigningKeys(config);
  const app = await createApp(config, { keys, logger: false });
  return { app, config, keys, http: supertest(app.getHttpServer()), close: () => app.close() };
}
