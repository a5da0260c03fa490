import type { NestExpressApplication } from '@nestjs/platform-express';
import supertest from 'supertest';
import { createApp } from '../../src/app.factory.js';
import { loadSigningKeys, type SigningKeys } from '../../src/auth/tokens/signing-keys.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { buildOpenApiDocument } from '../../src/openapi/setup-openapi.js';
import { checkAgainstContract } from './contract/contract-check.js';
import { tally } from './contract/contract-tally.js';
import { recordResponses } from './contract/recorded-responses.js';
import { testConfig } from './test-config.js';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  keys: SigningKeys;
  http: ReturnType<typeof supertest>;
  /** Stops the app, then checks every answer it gave against its OpenAPI document. */
  close(): Promise<void>;
}

/**
 * Boots the real API (the same createApp as main.ts) on the given configuration. Every answer it
 * sends is recorded, and close() fails the suite if one of them is not what the API's OpenAPI
 * document promises — so every end-to-end suite also checks the contract.
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const keys = await loadSigningKeys(config);
  const app = await createApp(config, { keys, logger: false });
  const responses = recordResponses(app.getHttpServer());
  let closed = false;
  return {
    app,
    config,
    keys,
    http: supertest(app.getHttpServer()),
    async close() {
      if (closed) return;
      closed = true;
      const document = buildOpenApiDocument(app);
      await app.close();
      const report = await checkAgainstContract(document, responses);
      tally({ ...report, failures: report.failures.length, pending: report.pending });
      if (report.failures.length > 0) {
        throw new Error(
          `${report.failures.length} of ${report.validated} answers broke the OpenAPI document:\n- ${report.failures.join('\n- ')}`,
        );
      }
    },
  };
}
