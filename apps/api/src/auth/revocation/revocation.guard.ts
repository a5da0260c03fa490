import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { currentTrace } from '../../trace/trace-context.js';
import { principalKey, type Principal } from '../authentication/authenticated-user.js';
import { invalidToken } from '../authentication/bearer-challenge.js';
import { RevocationService } from './revocation.service.js';

/**
 * Global guard, right after JwtAuthGuard: a token can be genuine and unexpired yet no longer
 * honoured — signed out, its session ended, or older than its owner's last role or password
 * change. The check reads an in-process view, so it costs a few map lookups.
 */
@Injectable()
export class RevocationGuard implements CanActivate {
  constructor(private readonly revocation: RevocationService) {}

  canActivate(context: ExecutionContext): boolean {
    const end = currentTrace()?.begin('RevocationGuard', 'guard');
    const principal = context.switchToHttp().getRequest<Request>().user as Principal | undefined;
    if (!principal) {
      end?.({
        outcome: 'pass',
        reason: 'No token was verified for this request, so none can be revoked.',
      });
      return true;
    }
    let refusal: string | undefined;
    try {
      refusal = this.revocation.refusal({
        principal: principalKey(principal),
        jti: principal.tokenId,
        sessionId: principal.kind === 'user' ? principal.sessionId : undefined,
        version: principal.tokenVersion,
      });
    } catch (unavailable) {
      end?.({
        outcome: 'error',
        reason:
          'The revocation state is being resynchronised, so no token is honoured for now (503).',
      });
      throw unavailable;
    }
    if (refusal) {
      currentTrace()?.tokenRefused();
      end?.({
        outcome: 'deny',
        reason: `The token is genuine but no longer honoured: ${refusal}. 401 invalid_token.`,
        // Which fact refused it, for lessons: a raised version is a role or password change or a sign-out everywhere.
        detail: {
          refused: refusal.startsWith('it carries token version')
            ? 'stale token version'
            : refusal.startsWith('its session')
              ? 'session ended'
              : 'signed out',
        },
      });
      throw invalidToken('The access token has been revoked');
    }
    end?.({
      outcome: 'pass',
      reason: 'Not signed out, session still open, token version current.',
    });
    return true;
  }
}
