/**
 * Reads `Authorization: Basic base64(username:password)` (RFC 7617). The username ends at the
 * first colon; the password may contain colons. Decoded as UTF-8, as RFC 7617 §2.1 recommends.
 */
export type BasicHeader =
  | { kind: 'absent' }
  | { kind: 'malformed'; reason: string }
  | { kind: 'credentials'; username: string; password: string };

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

export function parseBasicHeader(header: string | undefined): BasicHeader {
  if (header === undefined || header === '') return { kind: 'absent' };
  const [scheme, encoded, ...rest] = header.split(' ').filter(Boolean);
  if (scheme?.toLowerCase() !== 'basic') return { kind: 'absent' };
  if (!encoded || rest.length > 0 || !BASE64.test(encoded) || encoded.length % 4 !== 0) {
    return { kind: 'malformed', reason: 'The Basic credentials are not valid base64' };
  }
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon === -1)
    return { kind: 'malformed', reason: 'The Basic credentials need "username:password"' };
  return {
    kind: 'credentials',
    username: decoded.slice(0, colon),
    password: decoded.slice(colon + 1),
  };
}
