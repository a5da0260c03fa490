import { Module } from '@nestjs/common';
import { PasswordHasher } from './password-hasher.service.js';

/** Password hashing, shared by sign-up/sign-in and the demo seeder. */
@Module({ providers: [PasswordHasher], exports: [PasswordHasher] })
export class PasswordsModule {}
