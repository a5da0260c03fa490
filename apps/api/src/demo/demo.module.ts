import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module.js';
import { PasswordsModule } from '../auth/sign-in/passwords/passwords.module.js';
import { RevocationModule } from '../auth/revocation/revocation.module.js';
import { UsersModule } from '../users/users.module.js';
import { DemoController } from './demo.controller.js';
import { DemoSeeder } from './demo-seeder.service.js';

/** Demo data: seeded at start-up and restorable by an admin. Loaded only in demo mode. */
@Module({
  imports: [UsersModule, ArticlesModule, PasswordsModule, RevocationModule],
  controllers: [DemoController],
  providers: [DemoSeeder],
})
export class DemoModule {}
