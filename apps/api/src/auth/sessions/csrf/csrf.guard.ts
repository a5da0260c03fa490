import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config.js';
import { readAccessToken } from '../../authentication/access-token-source.js';
import type { Principal } from '../../authentication/authenticated-user.js';
import { sessionCookieNames, type SessionCookieNames } from '../cookies/session-cookies.js';
import { csrfRefusal, isStateChanging } from './csrf-check.js';
import { CsrfRejection } from './csrf-rejection.js';
import { CsrfTokens } from './csrf-tokens.js';
import { TrustedOrigins } from './trusted-origins.js';

/**
 * Global guard, after authentication: a state-changing request authenticated by the session
 * cookie must prove it was sent by a page of this site (OWASP CSRF Prevention Cheat Sheet:
 * signed double-submit cookie, origin check). A browser attaches cookies to a forged
 * cross-site request by itself; it never adds an Authorization header by itself, so requests
 * authenticated by the header need no such proof.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  private readonly cookies: SessionCookieNames;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly csrfTokens: CsrfTokens,
    private readonly trustedOrigins: TrustedOrigins,
  ) {
    this.cookies = sessionCookieNames(config);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const principal = request.user as Principal | undefined;
    if (!principal || !isStateChanging(request.method)) return true;
    const source = readAccessToken(request, this.cookies.access);
    if (source.kind !== 'token' || source.source !== 'cookie') return true;

    const refusal =
      principal.kind === 'user'
        ? csrfRefusal(request, {
            isTrustedOrigin: (origin) => this.trustedOrigins.includes(origin, request),
            csrfCookieName: this.cookies.csrf,
            belongsToSession: (token) => this.csrfTokens.belongsTo(principal.sessionId, token),
          })
        : 'a machine-client token has no session to defend';
    if (refusal) throw new CsrfRejection(refusal);
    return true;
  }
}
