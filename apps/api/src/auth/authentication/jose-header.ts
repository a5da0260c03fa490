import { ACCESS_TOKEN_TYPE, FORBIDDEN_JOSE_HEADER_FIELDS } from '@authlab/shared';
import { TokenRejection } from './token-rejection.js';

/**
 * Checks a token's JOSE header before any signature work. The header is attacker-controlled, so
 * nothing in it may choose the key: URLs and embedded keys are refused, and `kid` must name the
 * configured key. `typ` must say access token (RFC 9068 §4), so no other JWT can stand in for one.
 */
export function checkJoseHeader(rawToken: string, expectedKid: string): TokenRejection | null {
  const encodedHeader = rawToken.slice(0, rawToken.indexOf('.'));
  let header: unknown;
  try {
    header = JSON.parse(Buffer.from(encodedHeader, 'base64url').toString('utf8'));
  } catch {
    return new TokenRejection('malformed', 'the header is not base64url-encoded JSON');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) {
    return new TokenRejection('malformed', 'the header is not a JSON object');
  }
  const fields = header as Record<string, unknown>;
  for (const field of FORBIDDEN_JOSE_HEADER_FIELDS) {
    if (Object.hasOwn(fields, field)) {
      return new TokenRejection(
        'forbidden_header',
        `the header carries "${field}", which authlab never trusts`,
      );
    }
  }
  const typ = typeof fields.typ === 'string' ? fields.typ.toLowerCase() : undefined;
  if (typ !== ACCESS_TOKEN_TYPE && typ !== `application/${ACCESS_TOKEN_TYPE}`) {
    return new TokenRejection(
      'wrong_type',
      `typ was ${JSON.stringify(fields.typ ?? null)}, expected "${ACCESS_TOKEN_TYPE}"`,
    );
  }
  if (Object.hasOwn(fields, 'kid') && fields.kid !== expectedKid) {
    return new TokenRejection(
      'unknown_key',
      `kid ${JSON.stringify(fields.kid)} names no configured key`,
    );
  }
  return null;
}
