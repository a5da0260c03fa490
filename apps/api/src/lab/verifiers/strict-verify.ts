import type { KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { checkJoseHeader } from '../../auth/authentication/jose-header.js';
import { toTokenRejection } from '../../auth/authentication/token-rejection.js';
import type { Verdict } from './verifier.js';

/**
 * The secure way, as the real JwtStrategy does it: the header may not choose the key, one
 * algorithm is pinned, issuer and audience are checked, and a token without `exp` is refused.
 */
export function strictVerify(
  token: string,
  rules: {
    key: KeyObject;
    algorithm: 'HS256' | 'ES256';
    kid: string;
    issuer: string;
    audience: string;
  },
): Verdict {
  const headerProblem = checkJoseHeader(token, rules.kid);
  if (headerProblem) return { accepted: false, reason: `Refused: ${headerProblem.detail}.` };
  try {
    const claims = jwt.verify(token, rules.key, {
      algorithms: [rules.algorithm],
      issuer: rules.issuer,
      audience: rules.audience,
    }) as Record<string, unknown>;
    if (typeof claims.exp !== 'number')
      return { accepted: false, reason: 'Refused: the token has no exp claim.' };
    return {
      accepted: true,
      claims,
      reason: `Signature verified with the pinned ${rules.algorithm} key; claims checked.`,
    };
  } catch (error) {
    return { accepted: false, reason: `Refused: ${toTokenRejection(error).detail}.` };
  }
}
