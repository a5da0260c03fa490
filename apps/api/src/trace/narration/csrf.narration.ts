import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { readAccessToken } from '../../auth/authentication/access-token-source.js';
import { sessionCookieNames } from '../../auth/sessions/cookies/session-cookies.js';
import { isStateChanging } from '../../auth/sessions/csrf/csrf-check.js';
import { CsrfRejection } from '../../auth/sessions/csrf/csrf-rejection.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { StepResult } from '../trace-recorder.js';
import type { GuardNarration } from '../traced-guard.js';

/** CsrfGuard's decisions in words: why a request needed no proof, or which proof was missing. */
@Injectable()
export class CsrfNarration implements GuardNarration {
  private readonly accessCookie: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.accessCookie = sessionCookieNames(config).access;
  }

  passed(context: ExecutionContext): StepResult {
    const request = context.switchToHttp().getRequest<Request>();
    if (!request.user || !isStateChanging(request.method)) {
      return {
        outcome: 'pass',
        reason: `No CSRF check: ${request.user ? `${request.method} changes nothing` : 'no session cookie was used'}.`,
      };
    }
    const source = readAccessToken(request, this.accessCookie);
    if (source.kind !== 'token' || source.source !== 'cookie') {
      return {
        outcome: 'pass',
        reason:
          'No CSRF check: the token came in the Authorization header, which no other site can make a browser send.',
      };
    }
    return {
      outcome: 'pass',
      reason: 'Same-site request, and the X-CSRF-Token header repeats the session’s CSRF cookie.',
    };
  }

  refused(error: unknown): StepResult {
    const refusal = error instanceof CsrfRejection ? error.refusal : String(error);
    return { outcome: 'deny', reason: `Possible cross-site request forgery: ${refusal} (403).` };
  }
}
