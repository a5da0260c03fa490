import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { principalKey, type Principal } from '../authentication/authenticated-user.js';
import { RevocationService } from './revocation.service.js';
import { RevokedTokenException } from './revoked-token.exception.js';

/**
 * Global guard, right after JwtAuthGuard: a token can be genuine and unexpired yet no longer
 * honoured — signed out, its session ended, or older than its owner's last role or password
 * change. The check reads an in-process view, so it costs a few map lookups. While that view
 * is being resynchronised the service throws a 503, and no token is honoured.
 */
@Injectable()
export class RevocationGuard implements CanActivate {
  constructor(private readonly revocation: RevocationService) {}

  canActivate(context: ExecutionContext): boolean {
    const principal = context.switchToHttp().getRequest<Request>().user as Principal | undefined;
    if (!principal) return true;
    const refusal = this.revocation.refusal({
      principal: principalKey(principal),
      jti: principal.tokenId,
      sessionId: principal.kind === 'user' ? principal.sessionId : undefined,
      version: principal.tokenVersion,
    });
    if (refusal) throw new RevokedTokenException(refusal);
    return true;
  }
}
