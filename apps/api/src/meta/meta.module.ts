import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';

/** What the API says about itself. */
@Module({ controllers: [HealthController] })
export class MetaModule {}
