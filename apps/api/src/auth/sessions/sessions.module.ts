import { Module } from '@nestjs/common';
import { RevocationModule } from '../revocation/revocation.module.js';
import { CookieEchoController } from './cookies/cookie-echo.controller.js';
import { SessionCookies } from './cookies/session-cookies.js';
import { CsrfTokens } from './csrf/csrf-tokens.js';
import { TrustedOrigins } from './csrf/trusted-origins.js';
import { SessionResponses } from './session-responses.js';
import { SessionsController } from './sessions.controller.js';
import { SessionsRepository } from './sessions.repository.js';
import { SessionsService } from './sessions.service.js';

/**
 * Refresh-token sessions: start, rotate, end; how a session reaches a browser (cookies) and how
 * a cookie-borne request proves it came from this site (CSRF). Its controller reaches the
 * sign-in service through the global AuthModule.
 */
@Module({
  imports: [RevocationModule],
  controllers: [SessionsController, CookieEchoController],
  providers: [
    SessionsRepository,
    SessionsService,
    SessionCookies,
    CsrfTokens,
    TrustedOrigins,
    SessionResponses,
  ],
  exports: [SessionsService, SessionCookies, CsrfTokens, TrustedOrigins, SessionResponses],
})
export class SessionsModule {}
