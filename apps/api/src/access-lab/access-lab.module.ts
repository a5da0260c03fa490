import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module.js';
import { UsersModule } from '../users/users.module.js';
import { BflaLabController } from './bfla-lab.controller.js';
import { BolaLabController } from './bola-lab.controller.js';
import { MassAssignmentLabController } from './mass-assignment-lab.controller.js';

/**
 * The access-control lab (OWASP API Security Top 10, 2023): for BOLA (API1), BFLA (API5) and
 * mass assignment (API3), a weak route with the bug and a strict one without it, side by side.
 * AppModule imports it only in lab mode, and its routes answer this machine only.
 */
@Module({
  imports: [ArticlesModule, UsersModule],
  controllers: [BolaLabController, BflaLabController, MassAssignmentLabController],
})
export class AccessLabModule {}
