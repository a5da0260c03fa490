import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PassportModule } from '@nestjs/passport';
import { UsersModule } from '../users/users.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { CookieEchoController } from './cookies/cookie-echo.controller.js';
import { SessionCookies } from './cookies/session-cookies.js';
import { CsrfTokens } from './csrf/csrf-tokens.js';
import { TrustedOrigins } from './csrf/trusted-origins.js';
import { CsrfGuard } from './guards/csrf.guard.js';
import { JwtAuthGuard } from './guards/jwt-auth.guard.js';
import { RevocationGuard } from './guards/revocation.guard.js';
import { RolesGuard } from './guards/roles.guard.js';
import { JwksController } from './jwks.controller.js';
import { JwtStrategy } from './jwt.strategy.js';
import { PasswordsModule } from './passwords/passwords.module.js';
import { RevocationModule } from './revocation/revocation.module.js';
import { SessionResponses } from './sessions/session-responses.js';
import { SessionsController } from './sessions/sessions.controller.js';
import { SessionsModule } from './sessions/sessions.module.js';
import { ThrottlingModule } from './throttling/throttling.module.js';
import { AccessTokenService } from './tokens/access-token.service.js';
import { SIGNING_KEYS, type SigningKeys } from './tokens/signing-keys.js';

/**
 * Sign-up, sign-in, sessions, token issuing and verification, and the global guards. The keys
 * are loaded before Nest starts (they may involve files), then handed in here. Global, so any
 * module that issues tokens (machine clients) can inject AccessTokenService.
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
      controllers: [AuthController, SessionsController, CookieEchoController, JwksController],
      providers: [
        { provide: SIGNING_KEYS, useValue: keys },
        AccessTokenService,
        AuthService,
        JwtStrategy,
        SessionCookies,
        CsrfTokens,
        TrustedOrigins,
        SessionResponses,
        // Order matters: who is calling, whether the token is still honoured, whether a cookie-borne
        // request really comes from this site, then what the caller may do.
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RevocationGuard },
        { provide: APP_GUARD, useClass: CsrfGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
      ],
      exports: [AccessTokenService, SIGNING_KEYS],
    };
  }
}
