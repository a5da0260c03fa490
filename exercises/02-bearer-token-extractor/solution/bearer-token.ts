import type { IncomingMessage } from 'node:http';

export type BearerExtraction =
  { kind: 'token'; token: string } | { kind: 'none' } | { kind: 'invalid'; reason: string };

// RFC 6750 §2.1: credentials = "Bearer" 1*SP b64token, b64token = 1*( ALPHA / DIGIT / "-" / "." /
// "_" / "~" / "+" / "/" ) *"=". We accept exactly one space, as the API does.
const BEARER_CREDENTIALS = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i;
const BEARER_SCHEME = /^Bearer(\s|$)/i;

export function extractBearerToken(req: IncomingMessage): BearerExtraction {
  // Node keeps only the first of duplicate Authorization headers in req.headers; rawHeaders has all.
  const authorizations = req.rawHeaders.filter(
    (_value, index) => index % 2 === 0 && req.rawHeaders[index]?.toLowerCase() === 'authorization',
  );
  if (authorizations.length > 1) {
    return { kind: 'invalid', reason: 'more than one Authorization header' };
  }
  // RFC 6750 §2.3 leaves the query as a last resort; the API refuses it (tokens in URLs leak into logs).
  const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
  if (query.has('access_token')) {
    return { kind: 'invalid', reason: 'access token in the query string' };
  }
  const header = req.headers.authorization;
  if (header === undefined || !BEARER_SCHEME.test(header)) return { kind: 'none' };
  const match = BEARER_CREDENTIALS.exec(header);
  if (!match?.[1]) return { kind: 'invalid', reason: 'malformed Bearer credentials' };
  return { kind: 'token', token: match[1] };
}
