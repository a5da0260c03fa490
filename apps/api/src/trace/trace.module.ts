import { Global, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { RevocationModule } from '../auth/revocation/revocation.module.js';
import { TRACE_STORE, TraceStore } from './trace-store.js';
import { TraceStreams } from './trace-streams.service.js';
import { TracesController } from './traces.controller.js';
import { TracingInterceptor } from './tracing.interceptor.js';

/** Request traces: the store, the interceptor that times handlers, and the routes that read them. */
@Global()
@Module({})
export class TraceModule {
  /**
   * With tracing off there is nothing for the interceptor to time, and Nest skips its whole
   * interceptor pipeline (an RxJS chain per request) only when no interceptor is registered.
   * The route catalogue then lists none, which is true.
   */
  static register(tracingEnabled: boolean): DynamicModule {
    const providers: Provider[] = [
      {
        provide: TRACE_STORE,
        inject: [APP_CONFIG],
        useFactory: (config: AppConfig) => new TraceStore(config.tracing.capacity),
      },
      TraceStreams,
    ];
    if (tracingEnabled) providers.push({ provide: APP_INTERCEPTOR, useClass: TracingInterceptor });
    return {
      module: TraceModule,
      // Streams end when their token is revoked.
      imports: [RevocationModule],
      controllers: [TracesController],
      providers,
      exports: [TRACE_STORE],
    };
  }
}
