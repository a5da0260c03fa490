import type { LoggerService, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { loadSigningKeys, type SigningKeys } from './auth/tokens/signing-keys.js';
import { installMiddlewareChain } from './common/http/middleware-chain.js';
import type { AppConfig } from './config/app-config.js';
import { GLOBAL_PREFIX, UNPREFIXED_PATHS } from './meta/api-prefix.js';
import { setupOpenApi } from './openapi/setup-openapi.js';
import { TRACE_STORE, type TraceStore } from './trace/trace-store.js';

export interface CreateAppOptions {
  logger?: LoggerService | LogLevel[] | false;
  /** Keys to use instead of loading them from configuration (tests that forge tokens). */
  keys?: SigningKeys;
  /**
   * Hold log lines until the caller flushes them (`app.flushLogs()`, or `Logger.flush()` with the
   * error that stopped the start-up, which is then thrown rather than ending the process).
   */
  bufferLogs?: boolean;
}

/**
 * Builds the whole API — the Express middleware chain, then Nest's modules — ready to listen.
 * main.ts and the end-to-end tests both start the API through this one function.
 */
export async function createApp(
  config: AppConfig,
  options: CreateAppOptions = {},
): Promise<NestExpressApplication> {
  const keys = options.keys ?? (await loadSigningKeys(config));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, keys), {
    // Registered below with our limits and checks instead of Nest's defaults.
    bodyParser: false,
    logger: options.logger ?? config.logLevels,
    ...(options.bufferLogs && { bufferLogs: true, autoFlushLogs: false, abortOnError: false }),
  });

  const store = config.tracing.enabled ? app.get<TraceStore>(TRACE_STORE) : undefined;
  installMiddlewareChain(app, config, store);

  app.setGlobalPrefix(GLOBAL_PREFIX, { exclude: UNPREFIXED_PATHS.map((path) => path.slice(1)) });
  setupOpenApi(app);
  app.enableShutdownHooks();
  await app.init();
  return app;
}
