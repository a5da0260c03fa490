import { Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import type { AuthenticatedUser } from '../authenticated-user.js';
import { authenticationRequired, invalidRequest, invalidToken } from '../bearer-challenge.js';
import { parseBearerHeader } from '../bearer-token.js';
import { Public } from '../decorators/public.decorator.js';
import { JWT_STRATEGY } from '../jwt.strategy.js';
import { TokenRejection, toTokenRejection } from '../tokens/token-rejection.js';

/** What the client is told; the detailed reason stays on the server. */
function clientDescription(rejection: TokenRejection): string {
  return rejection.code === 'expired' ? 'The access token has expired' : 'The access token is invalid';
}

/**
 * The global authentication guard: every route needs a valid access token unless it is
 * marked @Public(). It turns each failure into the RFC 6750 answer.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard(JWT_STRATEGY) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext): Promise<boolean> | boolean {
    if (this.reflector.getAllAndOverride(Public, [context.getHandler(), context.getClass()])) return true;

    const header = parseBearerHeader(context.switchToHttp().getRequest<Request>().headers.authorization);
    if (header.kind === 'malformed') throw invalidRequest(header.reason);
    // No bearer credentials at all (or another scheme): a bare challenge, no error code.
    if (header.kind !== 'token') throw authenticationRequired();
    return super.canActivate(context) as Promise<boolean>;
  }

  override handleRequest<User = AuthenticatedUser>(error: unknown, user: User | false, info: unknown): User {
    // Anything but a token problem (a bug, a database outage) is not the client's fault: 500, logged.
    if (error instanceof Error && !(error instanceof TokenRejection)) throw error;
    if (user && !error) return user;
    throw invalidToken(clientDescription(toTokenRejection(error ?? info)));
  }
}
