import type { IncomingMessage } from 'node:http';

export type BearerExtraction =
  /** One well-formed bearer token. */
  | { kind: 'token'; token: string }
  /** No bearer credentials at all (no header, or another scheme such as Basic). */
  | { kind: 'none' }
  /** A malformed request: RFC 6750 §3.1's invalid_request. */
  | { kind: 'invalid'; reason: string };

/** Finds the bearer token in a request, following RFC 6750 §2.1. */
export function extractBearerToken(req: IncomingMessage): BearerExtraction {
  // Not written yet: see exercises/02-bearer-token-extractor/README.md.
  const header = req.headers.authorization;
  return header ? { kind: 'token', token: header.slice('Bearer '.length) } : { kind: 'none' };
}
