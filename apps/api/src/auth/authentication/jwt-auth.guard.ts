import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { OptionalAuth } from '../decorators/optional-auth.decorator.js';
import { Public } from '../decorators/public.decorator.js';
import { sessionCookieNames } from '../sessions/cookies/session-cookies.js';
import { readAccessToken } from './access-token-source.js';
import type { Principal } from './authenticated-user.js';
import {
  AuthenticationRequiredException,
  invalidRequest,
  invalidToken,
} from './bearer-challenge.js';
import { JWT_STRATEGY } from './jwt.strategy.js';
import { TokenRejection, toTokenRejection } from './token-rejection.js';

/**
 * The global authentication guard: every route needs a valid access token unless it is
 * marked @Public() (or @OptionalAuth(), where a token is checked only if one is sent).
 * It turns each failure into the RFC 6750 answer, an exception that carries the reason.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard(JWT_STRATEGY) {
  private readonly accessCookie: string;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    super();
    this.accessCookie = sessionCookieNames(config).access;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride(Public, targets)) return true;

    // The Authorization header or the session cookie: exactly one, never the URL or the body.
    const found = readAccessToken(context.switchToHttp().getRequest<Request>(), this.accessCookie);
    if (found.kind === 'malformed') throw invalidRequest(found.reason);
    if (found.kind !== 'token') {
      if (this.reflector.getAllAndOverride(OptionalAuth, targets)) return true;
      // No bearer credentials at all (or another scheme): a bare challenge, no error code.
      const scheme = found.kind === 'other-scheme' ? found.scheme : undefined;
      throw new AuthenticationRequiredException(undefined, scheme);
    }
    await super.canActivate(context);
    return true;
  }

  override handleRequest<User = Principal>(
    error: unknown,
    user: User | false,
    info: unknown,
  ): User {
    // Anything but a token problem (a bug, a database outage) is not the client's fault: 500, logged.
    if (error instanceof Error && !(error instanceof TokenRejection)) throw error;
    if (user && !error) return user;
    const rejection = toTokenRejection(error ?? info);
    // What the client is told; the detailed reason stays on the server (and in the caller's trace).
    const description =
      rejection.code === 'expired' ? 'The access token has expired' : 'The access token is invalid';
    throw invalidToken(description, rejection);
  }
}
