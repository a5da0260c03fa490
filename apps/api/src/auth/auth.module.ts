import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { JwtAuthGuard } from './guards/jwt-auth.guard.js';
import { RolesGuard } from './guards/roles.guard.js';
import { JwksController } from './jwks.controller.js';
import { JwtStrategy } from './jwt.strategy.js';
import { PasswordsModule } from './passwords/passwords.module.js';
import { AccessTokenService } from './tokens/access-token.service.js';
import { SIGNING_KEYS, type SigningKeys } from './tokens/signing-keys.js';

/**
 * Sign-up, sign-in, token issuing and verification, and the two global guards. The keys are
 * loaded before Nest starts (they may involve files), then handed in here.
 */
@Module({})
export class AuthModule {
  static register(keys: SigningKeys): DynamicModule {
    return {
      module: AuthModule,
      imports: [PassportModule, PasswordsModule, UsersModule],
      controllers: [AuthController, JwksController],
      providers: [
        { provide: SIGNING_KEYS, useValue: keys },
        AccessTokenService,
        AuthService,
        JwtStrategy,
        // Order matters: authentication first, then authorization.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [AccessTokenService, SIGNING_KEYS],
    };
  }
}
