import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { TRACE_STORE, TraceStore } from './trace-store.js';
import { TracesController } from './traces.controller.js';
import { TracingInterceptor } from './tracing.interceptor.js';

/** Request traces: the store, the interceptor that times handlers, and the routes that read them. */
@Global()
@Module({
  controllers: [TracesController],
  providers: [
    {
      provide: TRACE_STORE,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new TraceStore(config.tracing.capacity),
    },
    { provide: APP_INTERCEPTOR, useClass: TracingInterceptor },
  ],
  exports: [TRACE_STORE],
})
export class TraceModule {}
