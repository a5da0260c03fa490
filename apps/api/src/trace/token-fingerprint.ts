import { createHash } from 'node:crypto';
import { TOKEN_FINGERPRINT_HEX_DIGITS, tokenFacts, tokenHeaderFact } from '@authlab/shared';
import { decodeJoseSegment } from '../auth/authentication/jose-segment.js';
import { embeddedJwkThumbprint } from '../auth/tokens/jwk-thumbprint.js';

/**
 * A token's name in a trace: a truncated SHA-256 of the whole token. Two requests with the same
 * token share it, so a lesson can ask for "this very token"; the token itself never enters a trace.
 */
export function tokenFingerprint(token: string): string {
  return createHash('sha256').update(token).digest('hex').slice(0, TOKEN_FINGERPRINT_HEX_DIGITS);
}

/**
 * The fingerprint and the (unverified, as seen) header fields and claims lessons ask about; a
 * `jwk` the header embeds is named by its RFC 7638 thumbprint, never copied.
 */
export function tracedTokenFacts(token: string): Record<string, string | number | boolean> {
  const [headerPart, payloadPart] = token.split('.');
  const header = decodeJoseSegment(headerPart);
  const facts: Record<string, string | number | boolean> = {
    tokenFingerprint: tokenFingerprint(token),
    ...tokenFacts(header, decodeJoseSegment(payloadPart)),
  };
  if (header && Object.hasOwn(header, 'jwk'))
    facts[tokenHeaderFact('jwk')] = embeddedJwkThumbprint(header.jwk) ?? 'not a public key';
  return facts;
}
