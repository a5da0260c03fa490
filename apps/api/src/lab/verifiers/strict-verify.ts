import type { KeyObject } from 'node:crypto';
import type { TraceCheck } from '@authlab/shared';
import jwt from 'jsonwebtoken';
import { checkJoseHeader } from '../../auth/authentication/jose-header.js';
import { formatDuration } from '../../auth/authentication/token-checks.js';
import { toTokenRejection } from '../../auth/authentication/token-rejection.js';
import type { Verdict } from './verifier.js';

const notChecked = (name: string): TraceCheck => ({
  name,
  ok: null,
  text: 'not checked: an earlier check refused the token',
});

/**
 * The secure way, as the real JwtStrategy does it, each rule from RFC 8725 (JWT BCP): the header
 * may not choose the key — no jku, x5u, jwk, x5c, and a kid must name the configured key (§3.10);
 * one algorithm is pinned for the key, so "none" and a public key used as an HMAC secret are
 * refused (§3.1); the signature must verify, never merely decode (§3.3); typ must say access
 * token (§3.11); issuer and audience are checked (§3.8, §3.9); exp is required and read on the
 * API's clock (RFC 7519 §4.1.4).
 */
export function strictVerify(
  token: string,
  rules: {
    key: KeyObject;
    algorithm: 'HS256' | 'ES256' | 'RS256';
    kid: string;
    issuer: string;
    audience: string;
  },
  nowSeconds: number,
): Verdict {
  const headerProblem = checkJoseHeader(token, rules.kid);
  if (headerProblem)
    return {
      accepted: false,
      reason: `Refused: ${headerProblem.detail}.`,
      checks: [
        { name: 'header', ok: false, text: headerProblem.detail },
        notChecked('signature'),
        notChecked('exp'),
      ],
    };
  const header: TraceCheck = {
    name: 'header',
    ok: true,
    text: 'no key-choosing fields; typ and kid as configured',
  };
  let claims: Record<string, unknown>;
  try {
    // exp is judged below on the API's clock, so it can be shown as its own check.
    claims = jwt.verify(token, rules.key, {
      algorithms: [rules.algorithm],
      issuer: rules.issuer,
      audience: rules.audience,
      ignoreExpiration: true,
      clockTimestamp: nowSeconds,
    }) as Record<string, unknown>;
  } catch (error) {
    const detail = toTokenRejection(error).detail;
    return {
      accepted: false,
      reason: `Refused: ${detail}.`,
      checks: [header, { name: 'signature', ok: false, text: detail }, notChecked('exp')],
    };
  }
  const signature: TraceCheck = {
    name: 'signature',
    ok: true,
    text: `verified with the pinned ${rules.algorithm} key; issuer and audience as configured`,
  };
  if (typeof claims.exp !== 'number')
    return {
      accepted: false,
      reason: 'Refused: the token has no exp claim.',
      checks: [
        header,
        signature,
        { name: 'exp', ok: false, text: 'no exp claim: the token would never expire' },
      ],
    };
  const left = claims.exp - nowSeconds;
  if (left <= 0)
    return {
      accepted: false,
      reason: `Refused: the token expired ${formatDuration(left)} ago, on the API's clock.`,
      checks: [
        header,
        signature,
        { name: 'exp', ok: false, text: `expired ${formatDuration(left)} ago` },
      ],
    };
  return {
    accepted: true,
    claims,
    reason: `Signature verified with the pinned ${rules.algorithm} key; claims checked.`,
    checks: [
      header,
      signature,
      { name: 'exp', ok: true, text: `expires in ${formatDuration(left)}` },
    ],
  };
}
