/**
 * Reads an `Authorization: Bearer <token>` header (RFC 6750 §2.1). The scheme name is
 * case-insensitive; the token must be a b64token and nothing may follow it.
 */
export type BearerHeader =
  | { kind: 'absent' }
  | { kind: 'other-scheme'; scheme: string }
  | { kind: 'malformed'; reason: string }
  | { kind: 'token'; token: string };

const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export function parseBearerHeader(header: string | undefined): BearerHeader {
  if (header === undefined || header === '') return { kind: 'absent' };
  const space = header.indexOf(' ');
  const scheme = space === -1 ? header : header.slice(0, space);
  if (scheme.toLowerCase() !== 'bearer') return { kind: 'other-scheme', scheme };
  // RFC 6750 allows one or more spaces between the scheme and the token.
  const token = space === -1 ? '' : header.slice(space + 1).replace(/^ +/, '');
  if (token === '')
    return { kind: 'malformed', reason: 'The Bearer scheme needs a token after it' };
  if (!B64TOKEN.test(token)) {
    return {
      kind: 'malformed',
      reason: 'The bearer token contains characters a token cannot have',
    };
  }
  return { kind: 'token', token };
}
