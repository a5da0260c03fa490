import type { IncomingMessage } from 'node:http';

// Near miss: right syntax, but reads only req.headers (which hides a duplicate header) and ignores the query.
export function extractBearerToken(req: IncomingMessage) {
  const header = req.headers.authorization;
  if (header === undefined || !/^Bearer(\s|$)/i.test(header)) return { kind: 'none' };
  const match = /^Bearer ([A-Za-z0-9\-._~+/]+=*)$/i.exec(header);
  return match ? { kind: 'token', token: match[1] } : { kind: 'invalid', reason: 'malformed' };
}
