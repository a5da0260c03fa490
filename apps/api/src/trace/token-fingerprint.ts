import { createHash } from 'node:crypto';
import { TOKEN_FINGERPRINT_HEX_DIGITS, tokenFacts } from '@authlab/shared';
import { decodeJoseSegment } from '../auth/authentication/jose-segment.js';

/**
 * A token's name in a trace: a truncated SHA-256 of the whole token. Two requests with the same
 * token share it, so a lesson can ask for "this very token"; the token itself never enters a trace.
 */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, TOKEN_FINGERPRINT_HEX_DIGITS);
}

/** The fingerprint and the (unverified, as seen) header fields and claims lessons ask about. */
export function tracedTokenFacts(token: string): Record<string, string | number | boolean> {
  const [header, payload] = token.split('.');
  return {
    tokenFingerprint: tokenFingerprint(token),
    ...tokenFacts(decodeJoseSegment(header), decodeJoseSegment(payload)),
  };
}
