import { Injectable, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { RevokedTokenException } from '../../auth/revocation/revoked-token.exception.js';
import { currentTrace } from '../trace-context.js';
import type { StepResult } from '../trace-recorder.js';
import type { GuardNarration } from '../traced-guard.js';

/** RevocationGuard's decisions in words; a refused token also makes the request anonymous. */
@Injectable()
export class RevocationNarration implements GuardNarration {
  passed(context: ExecutionContext): StepResult {
    return context.switchToHttp().getRequest<Request>().user
      ? { outcome: 'pass', reason: 'Not signed out, session still open, token version current.' }
      : {
          outcome: 'pass',
          reason: 'No token was verified for this request, so none can be revoked.',
        };
  }

  refused(error: unknown): StepResult {
    if (!(error instanceof RevokedTokenException)) {
      return {
        outcome: 'error',
        reason:
          'The revocation state is being resynchronised, so no token is honoured for now (503).',
      };
    }
    currentTrace()?.tokenRefused();
    return {
      outcome: 'deny',
      reason: `The token is genuine but no longer honoured: ${error.refusal}. 401 invalid_token.`,
      // Which fact refused it, for lessons: a raised version is a role or password change or a sign-out everywhere.
      detail: {
        refused: error.refusal.startsWith('it carries token version')
          ? 'stale token version'
          : error.refusal.startsWith('its session')
            ? 'session ended'
            : 'signed out',
      },
    };
  }
}
