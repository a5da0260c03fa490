import { Inject, Injectable, type ExecutionContext } from '@nestjs/common';
import { TRACE_FACTS, tokenClaimFact, tokenHeaderFact } from '@authlab/shared';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { Request } from 'express';
import { CLOCK, type Clock } from '../../clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { currentTrace } from '../../trace/trace-context.js';
import type { StepResult } from '../../trace/trace-recorder.js';
import { tokenFingerprint, tracedTokenFacts } from '../../trace/token-fingerprint.js';
import { clientTokenAuthSession } from '../../trace/playground-session-claims.js';
import { traceSubjectOf } from '../../trace/trace-visibility.js';
import { readAccessToken, type AccessTokenSource } from './access-token-source.js';
import type { Principal } from './authenticated-user.js';
import {
  authenticationRequired,
  invalidRequest,
  invalidToken,
  InvalidTokenException,
} from './bearer-challenge.js';
import { sessionCookieNames } from '../sessions/cookies/session-cookies.js';
import { OptionalAuth } from '../decorators/optional-auth.decorator.js';
import { Public } from '../decorators/public.decorator.js';
import { JWT_STRATEGY } from './jwt.strategy.js';
import {
  acceptedTokenChecks,
  rejectedTokenChecks,
  rejectionReason,
  type TokenExpectations,
} from './token-checks.js';
import { TokenRejection, toTokenRejection } from './token-rejection.js';
import { SIGNING_KEYS, type SigningKeys } from '../tokens/signing-keys.js';
import { tokenLifetimes } from './token-times.js';

/** What the client is told; the detailed reason stays on the server (and in the caller's trace). */
function clientDescription(rejection: TokenRejection): string {
  return rejection.code === 'expired'
    ? 'The access token has expired'
    : 'The access token is invalid';
}

const EXTRACTOR = { extractor: 'accessTokenExtractor' };
const sourceDetail = (source: (AccessTokenSource & { kind: 'token' })['source']) => ({
  ...EXTRACTOR,
  source: source === 'cookie' ? 'session cookie' : 'Authorization header',
});
const describePrincipal = (principal: Principal) =>
  principal.kind === 'user'
    ? `${principal.username} (role ${principal.role})`
    : `machine client ${principal.clientId} (scope ${principal.permissions.join(' ')})`;

/**
 * The global authentication guard: every route needs a valid access token unless it is
 * marked @Public() (or @OptionalAuth(), where a token is checked only if one is sent).
 * It turns each failure into the RFC 6750 answer and records its decision in the trace.
 */
@Injectable()
export class JwtAuthGuard extends AuthGuard(JWT_STRATEGY) {
  private readonly expected: TokenExpectations;
  private readonly accessCookie: string;

  constructor(
    private readonly reflector: Reflector,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SIGNING_KEYS) keys: SigningKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super();
    this.expected = {
      algorithm: keys.algorithm,
      kid: keys.kid,
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      lifetimes: tokenLifetimes(config),
    };
    this.accessCookie = sessionCookieNames(config).access;
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const end = currentTrace()?.begin('JwtAuthGuard', 'guard');
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride(Public, targets)) {
      end?.({
        outcome: 'pass',
        reason: 'The route is @Public(): no token is needed, and none is checked.',
      });
      return true;
    }

    const request = context.switchToHttp().getRequest<Request>();
    // The Authorization header or the session cookie: exactly one, never the URL or the body.
    const header = readAccessToken(request, this.accessCookie);
    if (header.kind === 'malformed') {
      end?.({
        outcome: 'deny',
        reason: `${header.reason}: 400 invalid_request.`,
        detail: EXTRACTOR,
      });
      throw invalidRequest(header.reason);
    }
    if (header.kind !== 'token') {
      if (this.reflector.getAllAndOverride(OptionalAuth, targets)) {
        end?.({
          outcome: 'pass',
          reason: 'No token sent; this route also serves anonymous callers.',
        });
        return true;
      }
      const scheme =
        header.kind === 'other-scheme'
          ? ` (the Authorization header uses ${header.scheme}, not Bearer)`
          : '';
      end?.({
        outcome: 'deny',
        reason: `No access token was sent${scheme}: 401 with a bare Bearer challenge.`,
        detail: { ...EXTRACTOR, source: 'none' },
      });
      // No bearer credentials at all (or another scheme): a bare challenge, no error code.
      throw authenticationRequired();
    }

    try {
      await super.canActivate(context);
    } catch (error) {
      end?.(this.describeRejection(header.token, error));
      throw error;
    }
    const principal = request.user as Principal;
    const subject = traceSubjectOf(principal);
    currentTrace()?.authenticatedAs(
      subject,
      principal.kind === 'user' ? principal.sessionId : clientTokenAuthSession(principal.tokenId),
    );
    if (end) {
      // Written out only if somebody reads this trace; the clock is read now, while it is true.
      const nowSeconds = this.clock.nowMs() / 1000;
      const apiClock = this.apiClock();
      const source = header.source;
      // Hashed now: the trace keeps the fingerprint, never the token.
      const fingerprint = tokenFingerprint(header.token);
      end({
        outcome: 'pass',
        reason: () => `Valid access token for ${describePrincipal(principal)}.`,
        checks: () => acceptedTokenChecks(principal, this.expected, nowSeconds),
        detail: () => ({
          ...sourceDetail(source),
          alg: this.expected.algorithm,
          kid: this.expected.kid,
          subject,
          caller: principal.kind === 'user' ? 'user' : 'machine client',
          [TRACE_FACTS.tokenFingerprint]: fingerprint,
          [TRACE_FACTS.apiClock]: apiClock,
          [tokenHeaderFact('alg')]: this.expected.algorithm,
          [tokenClaimFact('sub')]: subject,
          ...(principal.kind === 'user'
            ? { [tokenClaimFact('role')]: principal.role }
            : { [tokenClaimFact('client_id')]: principal.clientId }),
        }),
      });
    }
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
    throw invalidToken(clientDescription(rejection), rejection);
  }

  private describeRejection(rawToken: string, error: unknown): StepResult {
    if (!(error instanceof InvalidTokenException) || !error.rejection) {
      return {
        outcome: 'error',
        reason: 'Verification failed unexpectedly; the exception filter answers 500.',
      };
    }
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
