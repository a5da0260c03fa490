import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { API_PREFIX, GLOBAL_PREFIX } from './api-prefix.js';
import { HealthController } from './health.controller.js';
import { MetaController } from './meta.controller.js';
import { RouteCatalogue } from './route-catalogue.service.js';

/** What the API says about itself: health, and its routes as the decorators declare them. */
@Module({
  imports: [DiscoveryModule],
  controllers: [HealthController, MetaController],
  providers: [RouteCatalogue, { provide: API_PREFIX, useValue: GLOBAL_PREFIX }],
})
export class MetaModule {}
