import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RevocationModule } from '../auth/revocation/revocation.module.js';
import { TRACE_STORE, TraceStore } from './trace-store.js';
import { TraceStreams } from './trace-streams.service.js';
import { TracesController } from './traces.controller.js';

/**
 * Request traces: the store and the routes that read them. The interceptor that times handlers
 * is registered with the other global enhancers (global-enhancers.ts).
 */
@Global()
@Module({
  // Streams end when their token is revoked.
  imports: [RevocationModule],
  controllers: [TracesController],
  providers: [
    {
      provide: TRACE_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new TraceStore(config.tracing.capacity),
    },
    TraceStreams,
  ],
  exports: [TRACE_STORE],
})
export class TraceModule {}
