import type { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet, { type HelmetOptions } from 'helmet';
import { AppModule } from './app.module.js';
import { loadSigningKeys, type SigningKeys } from './auth/tokens/signing-keys.js';
import { jsonBodyParser, requireJsonBody } from './common/http/json-body.js';
import { noStoreMiddleware } from './common/http/no-store.middleware.js';
import { servePlayground } from './common/http/playground-static.js';
import { traceIdMiddleware } from './common/http/trace-id.middleware.js';
import type { AppConfig } from './config/app-config.js';
import { setupOpenApi } from './openapi/setup-openapi.js';

/** HSTS and upgrade-insecure-requests only where the site is served over HTTPS: in production. */
function helmetOptions(config: AppConfig): HelmetOptions {
  if (config.environment === 'production') return {};
  return {
    strictTransportSecurity: false,
    contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
  };
}

export interface CreateAppOptions {
  logger?: LoggerService | LogLevel[] | false;
  /** Keys to use instead of loading them from configuration (tests that forge tokens). */
  keys?: SigningKeys;
}

/**
 * Builds the whole API — the Express middleware chain, then Nest's modules — ready to listen.
 * main.ts and the end-to-end tests both start the API through this one function.
 */
export async function createApp(config: AppConfig, options: CreateAppOptions = {}): Promise<NestExpressApplication> {
  const keys = options.keys ?? (await loadSigningKeys(config));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, keys), {
    // Registered below with our limits and checks instead of Nest's defaults.
    bodyParser: false,
    logger: options.logger ?? ['log', 'warn', 'error'],
  });

  // The Express middleware chain, in the order every request meets it.
  app.disable('x-powered-by');
  app.use(traceIdMiddleware);
  app.use(helmet(helmetOptions(config)));
  app.enableCors({
    origin: config.corsOrigins,
    credentials: true,
    allowedHeaders: ['Authorization', 'Content-Type'],
    exposedHeaders: ['X-Trace-Id', 'WWW-Authenticate'],
    maxAge: 600,
  });
  app.use('/api', noStoreMiddleware);
  app.use(requireJsonBody);
  app.use(jsonBodyParser());
  if (config.playgroundDir) servePlayground(app.getHttpAdapter().getInstance(), config.playgroundDir);

  app.setGlobalPrefix('api', { exclude: ['.well-known/jwks.json'] });
  setupOpenApi(app);
  app.enableShutdownHooks();
  await app.init();
  return app;
}
