import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { TRACE_FACTS, tokenClaimFact, tokenHeaderFact } from '@authlab/shared';
import { readAccessToken } from '../../auth/authentication/access-token-source.js';
import type { Principal } from '../../auth/authentication/authenticated-user.js';
import {
  AuthenticationRequiredException,
  InvalidRequestException,
  InvalidTokenException,
} from '../../auth/authentication/bearer-challenge.js';
import {
  acceptedTokenChecks,
  rejectedTokenChecks,
  rejectionReason,
  type TokenExpectations,
} from '../../auth/authentication/token-checks.js';
import { tokenLifetimes } from '../../auth/authentication/token-times.js';
import { Public } from '../../auth/decorators/public.decorator.js';
import { sessionCookieNames } from '../../auth/sessions/cookies/session-cookies.js';
import { SIGNING_KEYS, type SigningKeys } from '../../auth/tokens/signing-keys.js';
import { CLOCK, type Clock } from '../../clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { clientTokenAuthSession } from '../playground-session-claims.js';
import { tokenFingerprint, tracedTokenFacts } from '../token-fingerprint.js';
import { currentTrace } from '../trace-context.js';
import type { StepResult } from '../trace-recorder.js';
import type { GuardNarration } from '../traced-guard.js';
import { traceSubjectOf } from '../trace-visibility.js';

const EXTRACTOR = { extractor: 'accessTokenExtractor' };
const describePrincipal = (principal: Principal) =>
  principal.kind === 'user'
    ? `${principal.username} (role ${principal.role})`
    : `machine client ${principal.clientId} (scope ${principal.permissions.join(' ')})`;

/** JwtAuthGuard's decisions in words: which token, from where, and every check it met or failed. */
@Injectable()
export class JwtAuthNarration implements GuardNarration {
  private readonly expected: TokenExpectations;
  private readonly accessCookie: string;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SIGNING_KEYS) keys: SigningKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.expected = {
      algorithm: keys.algorithm,
      kid: keys.kid,
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      lifetimes: tokenLifetimes(config),
    };
    this.accessCookie = sessionCookieNames(config).access;
  }

  passed(context: ExecutionContext): StepResult {
    if (this.reflector.getAllAndOverride(Public, [context.getHandler(), context.getClass()])) {
      return {
        outcome: 'pass',
        reason: 'The route is @Public(): no token is needed, and none is checked.',
      };
    }
    const request = context.switchToHttp().getRequest<Request>();
    const principal = request.user as Principal | undefined;
    if (!principal) {
      return {
        outcome: 'pass',
        reason: 'No token sent; this route also serves anonymous callers.',
      };
    }
    const subject = traceSubjectOf(principal);
    currentTrace()?.authenticatedAs(
      subject,
      principal.kind === 'user' ? principal.sessionId : clientTokenAuthSession(principal.tokenId),
    );
    // Written out only if somebody reads this trace; the clock is read now, while it is true.
    const nowSeconds = this.clock.nowMs() / 1000;
    const apiClock = this.apiClock();
    const found = readAccessToken(request, this.accessCookie);
    const token = found.kind === 'token' ? found : undefined;
    // Hashed now: the trace keeps the fingerprint, never the token.
    const fingerprint = token ? tokenFingerprint(token.token) : undefined;
    return {
      outcome: 'pass',
      reason: () => `Valid access token for ${describePrincipal(principal)}.`,
      checks: () => acceptedTokenChecks(principal, this.expected, nowSeconds),
      detail: () => ({
        ...EXTRACTOR,
        source: token?.source === 'cookie' ? 'session cookie' : 'Authorization header',
        alg: this.expected.algorithm,
        kid: this.expected.kid,
        subject,
        caller: principal.kind === 'user' ? 'user' : 'machine client',
        ...(fingerprint ? { [TRACE_FACTS.tokenFingerprint]: fingerprint } : {}),
        [TRACE_FACTS.apiClock]: apiClock,
        [tokenHeaderFact('alg')]: this.expected.algorithm,
        [tokenClaimFact('sub')]: subject,
        ...(principal.kind === 'user'
          ? { [tokenClaimFact('role')]: principal.role }
          : { [tokenClaimFact('client_id')]: principal.clientId }),
      }),
    };
  }

  refused(error: unknown, context: ExecutionContext): StepResult {
    if (error instanceof InvalidRequestException) {
      return {
        outcome: 'deny',
        reason: `${error.description}: 400 invalid_request.`,
        detail: EXTRACTOR,
      };
    }
    if (error instanceof AuthenticationRequiredException) {
      const scheme = error.otherScheme
        ? ` (the Authorization header uses ${error.otherScheme}, not Bearer)`
        : '';
      return {
        outcome: 'deny',
        reason: `No access token was sent${scheme}: 401 with a bare Bearer challenge.`,
        detail: { ...EXTRACTOR, source: 'none' },
      };
    }
    if (!(error instanceof InvalidTokenException) || !error.rejection) {
      return {
        outcome: 'error',
        reason: 'Verification failed unexpectedly; the exception filter answers 500.',
      };
    }
    const found = readAccessToken(context.switchToHttp().getRequest<Request>(), this.accessCookie);
    const rawToken = found.kind === 'token' ? found.token : '';
    return {
      outcome: 'deny',
      reason: `${rejectionReason(error.rejection)} 401 invalid_token.`,
      checks: rejectedTokenChecks(
        rawToken,
        error.rejection,
        this.expected,
        this.clock.nowMs() / 1000,
      ),
      detail: {
        ...EXTRACTOR,
        expectedAlg: this.expected.algorithm,
        ...tracedTokenFacts(rawToken),
        [TRACE_FACTS.apiClock]: this.apiClock(),
      },
    };
  }

  /** Whether exp was judged on the real time or on a clock an admin moved (demo and lab mode). */
  private apiClock(): 'real' | 'simulated' {
    return this.clock.offsetSeconds === 0 ? 'real' : 'simulated';
  }
}
