import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RevocationModule } from '../auth/revocation/revocation.module.js';
import { TRACE_STORE, TraceStore } from './trace-store.js';
import { TraceStreams } from './trace-streams.service.js';
import { CsrfNarration } from './narration/csrf.narration.js';
import { JwtAuthNarration } from './narration/jwt-auth.narration.js';
import { RevocationNarration } from './narration/revocation.narration.js';
import { RolesNarration } from './narration/roles.narration.js';
import { TracesController } from './traces.controller.js';

/** The words for each global guard's decisions (see traced-guard.ts). */
const NARRATIONS = [JwtAuthNarration, RevocationNarration, CsrfNarration, RolesNarration];

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
    ...NARRATIONS,
  ],
  exports: [TRACE_STORE, ...NARRATIONS],
})
export class TraceModule {}
