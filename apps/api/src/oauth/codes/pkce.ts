import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636 §4.2: S256 gives 43 base64url characters; §4.1: a verifier is 43–128 unreserved characters. */
export const CODE_CHALLENGE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const CODE_VERIFIER_PATTERN = /^[A-Za-z0-9._~-]{43,128}$/;

/**
 * RFC 7636 §4.6 with S256, the only method accepted (RFC 9700 §2.1.1: `plain` would hand the
 * challenge's reader the verifier itself). Compared in constant time.
 */
export function verifierMatchesChallenge(verifier: string, challenge: string): boolean {
  if (!CODE_VERIFIER_PATTERN.test(verifier) || !CODE_CHALLENGE_PATTERN.test(challenge))
    return false;
  const computed = createHash('sha256').update(verifier, 'ascii').digest();
  const expected = Buffer.from(challenge, 'base64url');
  return computed.length === expected.length && timingSafeEqual(computed, expected);
}
