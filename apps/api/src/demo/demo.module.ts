import { Module } from '@nestjs/common';
import { ArticlesModule } from '../articles/articles.module.js';
import { PasswordsModule } from '../auth/passwords/passwords.module.js';
import { UsersModule } from '../users/users.module.js';
import { DemoSeeder } from './demo-seeder.service.js';

@Module({
  imports: [UsersModule, ArticlesModule, PasswordsModule],
  providers: [DemoSeeder],
})
export class DemoModule {}
