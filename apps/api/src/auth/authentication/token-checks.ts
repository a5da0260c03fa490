import type { TraceCheck } from '@authlab/shared';
import { FORBIDDEN_JOSE_HEADER_FIELDS } from '@authlab/shared';
import type { Principal } from './authenticated-user.js';
import { decodeJoseSegment } from './jose-segment.js';
import type { TokenRejection } from './token-rejection.js';
import { IAT_SKEW_SECONDS, NO_EXP_CLAIM, type TokenLifetimes } from './token-times.js';

/** What a token is checked against; all of it is pinned by configuration. */
export interface TokenExpectations {
  algorithm: string;
  kid: string;
  issuer: string;
  audience: string;
  lifetimes: TokenLifetimes;
}

/** "37 s", "14 min 3 s", "2 h 5 min": how learners read durations. */
export function formatDuration(totalSeconds: number): string {
  const seconds = Math.abs(Math.round(totalSeconds));
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
}

const show = (value: unknown) => (value === undefined ? 'missing' : JSON.stringify(value));

function expiryCheck(exp: unknown, nowSeconds: number): TraceCheck {
  if (typeof exp !== 'number')
    return { name: 'exp', ok: false, text: 'no exp claim: the token would never expire' };
  const left = exp - nowSeconds;
  return left > 0
    ? { name: 'exp', ok: true, text: `expires in ${formatDuration(left)}` }
    : { name: 'exp', ok: false, text: `expired ${formatDuration(left)} ago` };
}

/** iat against the API's clock (RFC 8725 §3.10): in the past, or at most the skew ahead. */
function issuedCheck(iat: unknown, nowSeconds: number): TraceCheck {
  if (typeof iat !== 'number') return { name: 'iat', ok: false, text: 'no iat claim' };
  const ahead = iat - nowSeconds;
  if (ahead <= 0) return { name: 'iat', ok: true, text: `issued ${formatDuration(ahead)} ago` };
  return ahead <= IAT_SKEW_SECONDS
    ? {
        name: 'iat',
        ok: true,
        text: `issued ${formatDuration(ahead)} in the future, within the ${IAT_SKEW_SECONDS} s allowed for clocks that differ`,
      }
    : {
        name: 'iat',
        ok: false,
        text: `issued ${formatDuration(ahead)} in the future; at most ${IAT_SKEW_SECONDS} s is allowed`,
      };
}

/** exp − iat against the lifetime the API gives such tokens (RFC 9068 §4). */
function lifetimeCheck(
  iat: unknown,
  exp: unknown,
  forClient: boolean,
  lifetimes: TokenLifetimes,
): TraceCheck {
  if (typeof iat !== 'number' || typeof exp !== 'number')
    return { name: 'lifetime', ok: false, text: 'no iat and exp to measure it by' };
  const limit = forClient ? lifetimes.client : lifetimes.user;
  return {
    name: 'lifetime',
    ok: exp - iat <= limit,
    text: `exp − iat is ${formatDuration(exp - iat)}; ${forClient ? 'machine-client' : 'access'} tokens live at most ${formatDuration(limit)}`,
  };
}

/** The checks of an accepted token, from what the strategy verified (no second decode). */
export function acceptedTokenChecks(
  principal: Principal,
  expected: TokenExpectations,
  nowSeconds: number,
): TraceCheck[] {
  return [
    {
      name: 'header',
      ok: true,
      text: `alg ${expected.algorithm}, typ at+jwt, kid ${expected.kid}; no key-choosing fields`,
    },
    { name: 'signature', ok: true, text: `verified with the configured ${expected.algorithm} key` },
    expiryCheck(principal.expiresAt, nowSeconds),
    { name: 'iss', ok: true, text: `iss is "${expected.issuer}" as expected` },
    { name: 'aud', ok: true, text: `aud is "${expected.audience}" as expected` },
    issuedCheck(principal.issuedAt, nowSeconds),
    lifetimeCheck(
      principal.issuedAt,
      principal.expiresAt,
      principal.kind === 'client',
      expected.lifetimes,
    ),
    principal.kind === 'user'
      ? { name: 'role', ok: true, text: `role "${principal.role}" is a known role` }
      : {
          name: 'scope',
          ok: true,
          text: `client ${principal.clientId}, scope "${principal.permissions.join(' ')}"`,
        },
  ];
}

/**
 * The order in which the API checks a token: its header (checkJoseHeader), then jsonwebtoken's
 * algorithm, signature, nbf, exp, aud and iss, then JwtStrategy.validate's own: the time claims
 * on the API's clock (checkTokenTimes: exp, iat, lifetime), then the other claims.
 */
const STAGE = {
  format: 0,
  'key fields': 1,
  typ: 2,
  kid: 3,
  alg: 4,
  signature: 5,
  nbf: 6,
  exp: 7,
  aud: 8,
  iss: 9,
  /** exp again, on the API's simulated clock: stage 10. */
  iat: 11,
  lifetime: 12,
  claims: 13,
} as const;
type CheckName = keyof typeof STAGE;

/** The stage at which a refusal was decided: every check before it passed, none after it ran. */
function failedStage(rejection: TokenRejection): number {
  switch (rejection.code) {
    case 'missing':
    case 'malformed':
      return STAGE.format;
    case 'forbidden_header':
      return STAGE['key fields'];
    case 'wrong_type':
      return STAGE.typ;
    case 'unknown_key':
      return STAGE.kid;
    case 'bad_algorithm':
      return STAGE.alg;
    case 'bad_signature':
      return STAGE.signature;
    case 'not_yet_valid':
      return STAGE.nbf;
    case 'expired':
      // On the simulated clock exp fails after aud and iss passed (JwtStrategy.validate).
      return rejection.afterVerification ? 10 : STAGE.exp;
    case 'wrong_audience':
      return STAGE.aud;
    case 'wrong_issuer':
      return STAGE.iss;
    case 'bad_iat':
      return STAGE.iat;
    case 'too_long_lived':
      return STAGE.lifetime;
    case 'bad_claims':
      // A missing exp is the first of the strategy's time checks.
      return rejection.detail === NO_EXP_CLAIM ? 10 : STAGE.claims;
  }
}

/**
 * The checks of a refused token, with exact values, read from its (unverified) header and
 * payload. The check that refused it failed; those before it passed; those after it never ran
 * and say so ("not checked") — a check that did not run has proved nothing.
 */
export function rejectedTokenChecks(
  rawToken: string,
  rejection: TokenRejection,
  expected: TokenExpectations,
  nowSeconds: number,
): TraceCheck[] {
  const [headerSegment, payloadSegment, signature] = rawToken.split('.');
  const header = decodeJoseSegment(headerSegment);
  const payload = decodeJoseSegment(payloadSegment);
  if (!header || !payload || signature === undefined || failedStage(rejection) === STAGE.format) {
    return [
      {
        name: 'format',
        ok: false,
        text:
          rejection.code === 'malformed' && header && payload && signature !== undefined
            ? rejection.detail
            : 'not three base64url parts with a JSON header and payload',
      },
    ];
  }

  const failed = failedStage(rejection);
  const expStage =
    (rejection.code === 'expired' && rejection.afterVerification) || typeof payload.exp !== 'number'
      ? 10
      : STAGE.exp;
  const forbidden = FORBIDDEN_JOSE_HEADER_FIELDS.filter((field) => Object.hasOwn(header, field));
  /** A check at `stage`: its text when it passed or failed, and what was seen when it never ran. */
  const check = (
    name: CheckName,
    stage: number,
    passed: string,
    failure: string,
    seen = passed,
  ): TraceCheck =>
    stage < failed
      ? { name, ok: true, text: passed }
      : stage === failed
        ? { name, ok: false, text: failure }
        : { name, ok: null, text: `the token was refused before this check ran (${seen})` };

  const exp = expiryCheck(payload.exp, nowSeconds);
  const iat = issuedCheck(payload.iat, nowSeconds);
  const lifetime = lifetimeCheck(
    payload.iat,
    payload.exp,
    Object.hasOwn(payload, 'client_id'),
    expected.lifetimes,
  );
  const checks: TraceCheck[] = [
    check(
      'key fields',
      STAGE['key fields'],
      'no jku, x5u, jwk, x5c or crit',
      `header carries ${forbidden.join(', ')}: the token may not choose its key`,
    ),
    check(
      'typ',
      STAGE.typ,
      `typ is ${show(header.typ)}`,
      `typ was ${show(header.typ)}, expected "at+jwt"`,
    ),
    check(
      'kid',
      STAGE.kid,
      header.kid === undefined
        ? 'no kid: the one configured key is used'
        : `kid is ${show(header.kid)}`,
      `kid was ${show(header.kid)}, which names no configured key`,
    ),
    check(
      'alg',
      STAGE.alg,
      `alg is ${expected.algorithm}`,
      `alg was ${show(header.alg)}, expected "${expected.algorithm}"`,
      `alg is ${show(header.alg)}`,
    ),
    check(
      'signature',
      STAGE.signature,
      `verified with the configured ${expected.algorithm} key`,
      signature === ''
        ? 'the token has no signature'
        : 'does not match: the token was changed or signed with another key',
      signature === '' ? 'the token has no signature' : `${signature.length} characters, not shown`,
    ),
  ];
  if (rejection.code === 'not_yet_valid')
    checks.push({ name: 'nbf', ok: false, text: rejection.detail });
  checks.push(
    check('exp', expStage, exp.text, exp.text),
    check(
      'aud',
      STAGE.aud,
      `aud is "${expected.audience}"`,
      `aud was ${show(payload.aud)}, expected "${expected.audience}"`,
      `aud is ${show(payload.aud)}`,
    ),
    check(
      'iss',
      STAGE.iss,
      `iss is "${expected.issuer}"`,
      `iss was ${show(payload.iss)}, expected "${expected.issuer}"`,
      `iss is ${show(payload.iss)}`,
    ),
    check('iat', STAGE.iat, iat.text, iat.text),
    check('lifetime', STAGE.lifetime, lifetime.text, lifetime.text),
  );
  if (rejection.code === 'bad_claims' && rejection.detail !== NO_EXP_CLAIM)
    checks.push({ name: 'claims', ok: false, text: rejection.detail });
  return checks;
}

/** One sentence for the trace: why this token was refused. */
export function rejectionReason(rejection: TokenRejection): string {
  const reasons: Record<TokenRejection['code'], string> = {
    missing: 'No access token was sent.',
    malformed: `The token is not a well-formed JWT (${rejection.detail}).`,
    forbidden_header: `Refused before any signature work: ${rejection.detail}.`,
    wrong_type: `Not an access token: ${rejection.detail}.`,
    unknown_key: `Refused: ${rejection.detail}.`,
    bad_algorithm:
      'The token uses another algorithm than the one configured (alg none or algorithm confusion).',
    bad_signature:
      'The signature does not match: the token was changed, or signed with another key.',
    expired: `The token ${rejection.detail}.`,
    not_yet_valid: `The token is ${rejection.detail}.`,
    wrong_issuer: 'The token was issued by someone else (iss does not match).',
    wrong_audience: 'The token was meant for another API (aud does not match).',
    bad_iat: `The token ${rejection.detail}.`,
    too_long_lived: `The token ${rejection.detail}.`,
    bad_claims: `The claims are unusable: ${rejection.detail}.`,
  };
  return reasons[rejection.code];
}
