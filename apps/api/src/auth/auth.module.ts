import { Module, type DynamicModule } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { UsersModule } from '../users/users.module.js';
import { JwtStrategy } from './authentication/jwt.strategy.js';
import { RevocationModule } from './revocation/revocation.module.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { AuthController } from './sign-in/auth.controller.js';
import { AuthService } from './sign-in/auth.service.js';
import { PasswordsModule } from './sign-in/passwords/passwords.module.js';
import { ThrottlingModule } from './sign-in/throttling/throttling.module.js';
import { AccessTokenService } from './tokens/access-token.service.js';
import { JwksController } from './tokens/jwks.controller.js';
import { SIGNING_KEYS, type SigningKeys } from './tokens/signing-keys.js';

/**
 * Sign-up, sign-in, token issuing and verification; sessions and revocation as their own
 * modules. The keys are loaded before Nest starts (they may involve files), then handed in
 * here. Global, so any module that issues tokens (machine clients) can inject
 * AccessTokenService, and the global guards (registered in global-enhancers.ts) find what
 * they need.
 */
@Module({})
export class AuthModule {
  static register(keys: SigningKeys): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [
        PassportModule,
        PasswordsModule,
        UsersModule,
        RevocationModule,
        SessionsModule,
        ThrottlingModule,
      ],
      controllers: [AuthController, JwksController],
      providers: [
        { provide: SIGNING_KEYS, useValue: keys },
        AccessTokenService,
        AuthService,
        JwtStrategy,
      ],
      exports: [AccessTokenService, AuthService, SIGNING_KEYS, RevocationModule, SessionsModule],
    };
  }
}
