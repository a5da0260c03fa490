import { Global, Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { ClockController } from './clock.controller.js';
import { CLOCK, Clock } from './clock.js';

/** One clock for the whole API; movable only in demo or lab mode, never in production. */
@Global()
@Module({
  controllers: [ClockController],
  providers: [
    {
      provide: CLOCK,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new Clock((config.demo || config.lab) && config.environment !== 'production'),
    },
  ],
  exports: [CLOCK],
})
export class ClockModule {}
