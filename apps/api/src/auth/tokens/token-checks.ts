import type { TraceCheck } from '@authlab/shared';
import { FORBIDDEN_JOSE_HEADER_FIELDS } from '@authlab/shared';
import type { Principal } from '../authenticated-user.js';
import { decodeJoseSegment } from './jose-segment.js';
import type { TokenRejection } from './token-rejection.js';

/** What a token is checked against; all of it is pinned by configuration. */
export interface TokenExpectations {
  algorithm: string;
  kid: string;
  issuer: string;
  audience: string;
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
 * The checks of a refused token, with exact values, read from its (unverified) header and
 * payload. Only the failing check decided; the others show what else a learner should notice.
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
  if (!header || !payload || signature === undefined) {
    return [
      {
        name: 'format',
        ok: false,
        text: 'not three base64url parts with a JSON header and payload',
      },
    ];
  }

  const forbidden = FORBIDDEN_JOSE_HEADER_FIELDS.filter((field) => Object.hasOwn(header, field));
  const checks: TraceCheck[] = [
    {
      name: 'alg',
      ok: header.alg === expected.algorithm,
      text:
        header.alg === expected.algorithm
          ? `alg is ${expected.algorithm}`
          : `alg was ${show(header.alg)}, expected "${expected.algorithm}"`,
    },
    {
      name: 'typ',
      ok: rejection.code !== 'wrong_type',
      text:
        rejection.code === 'wrong_type'
          ? `typ was ${show(header.typ)}, expected "at+jwt"`
          : `typ is ${show(header.typ)}`,
    },
    {
      name: 'key fields',
      ok: forbidden.length === 0,
      text:
        forbidden.length === 0
          ? 'no jku, x5u, jwk, x5c or crit'
          : `header carries ${forbidden.join(', ')}: the token may not choose its key`,
    },
    {
      name: 'kid',
      ok: rejection.code !== 'unknown_key',
      text:
        header.kid === undefined
          ? 'no kid: the one configured key is used'
          : `kid was ${show(header.kid)}${rejection.code === 'unknown_key' ? ', which names no configured key' : ''}`,
    },
    {
      name: 'signature',
      ok: !['bad_signature', 'bad_algorithm'].includes(rejection.code),
      text:
        signature === ''
          ? 'the token has no signature'
          : rejection.code === 'bad_signature'
            ? 'does not match: the token was changed or signed with another key'
            : `${signature.length} characters (not shown)`,
    },
    expiryCheck(payload.exp, nowSeconds),
    {
      name: 'iss',
      ok: payload.iss === expected.issuer,
      text:
        payload.iss === expected.issuer
          ? `iss is "${expected.issuer}"`
          : `iss was ${show(payload.iss)}, expected "${expected.issuer}"`,
    },
    {
      name: 'aud',
      ok: payload.aud === expected.audience,
      text:
        payload.aud === expected.audience
          ? `aud is "${expected.audience}"`
          : `aud was ${show(payload.aud)}, expected "${expected.audience}"`,
    },
  ];
  if (rejection.code === 'bad_claims')
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
    bad_claims: `The claims are unusable: ${rejection.detail}.`,
  };
  return reasons[rejection.code];
}
