import type { Request } from 'express';
import { parseBearerHeader } from './bearer-token.js';
import {
  authorizationLines,
  cookiesNamed,
  ONE_AUTHORIZATION_HEADER,
} from './repeated-credentials.js';

/** Where this request's access token is, if anywhere. */
export type AccessTokenSource =
  | { kind: 'absent' }
  | { kind: 'other-scheme'; scheme: string }
  | { kind: 'malformed'; reason: string }
  | { kind: 'token'; token: string; source: 'header' | 'cookie' };

type TokenRequest = Pick<Request, 'headers'> & {
  rawHeaders?: string[];
  url?: string;
  cookies?: unknown;
  query?: unknown;
  body?: unknown;
};

/** The answer for each request, remembered: the guard, the strategy and the CSRF guard all ask. */
const answers = new WeakMap<object, { cookieName: string; found: AccessTokenSource }>();

/** A JWS in compact form: three base64url segments. */
const COMPACT_JWS = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

function hasField(container: unknown, field: string): boolean {
  return typeof container === 'object' && container !== null && Object.hasOwn(container, field);
}

/**
 * The access token comes from the Authorization header or from the session cookie — exactly
 * one. Both at once is ambiguous (which one did the client mean?), so it is refused — as are two
 * Authorization headers or two access cookies (see repeated-credentials.ts) — and a
 * token in the URL or the body (RFC 6750 §2.2–2.3) is refused outright: URLs end up in logs,
 * history and Referer headers.
 */
export function readAccessToken(request: TokenRequest, cookieName: string): AccessTokenSource {
  const remembered = answers.get(request);
  if (remembered?.cookieName === cookieName) return remembered.found;
  const found = findAccessToken(request, cookieName);
  answers.set(request, { cookieName, found });
  return found;
}

/** Express parses `request.query` anew on every read, so only a URL with a query string is parsed. */
function hasQueryField(request: TokenRequest, field: string): boolean {
  return (request.url === undefined || request.url.includes('?')) && hasField(request.query, field);
}

function findAccessToken(request: TokenRequest, cookieName: string): AccessTokenSource {
  if (hasQueryField(request, 'access_token')) {
    return { kind: 'malformed', reason: 'An access token in the URL is never accepted' };
  }
  if (hasField(request.body, 'access_token')) {
    return { kind: 'malformed', reason: 'An access token in the request body is never accepted' };
  }
  if (authorizationLines(request) > 1)
    return { kind: 'malformed', reason: ONE_AUTHORIZATION_HEADER };
  if (cookiesNamed(request.headers.cookie, cookieName) > 1) {
    return {
      kind: 'malformed',
      reason:
        'Two access-token cookies arrived; which one counts would be ambiguous, so neither does',
    };
  }
  const header = parseBearerHeader(request.headers.authorization);
  if (header.kind === 'malformed') return header;

  const cookie = hasField(request.cookies, cookieName)
    ? (request.cookies as Record<string, unknown>)[cookieName]
    : undefined;
  if (cookie === undefined)
    return header.kind === 'token' ? { ...header, source: 'header' } : header;
  if (header.kind === 'token') {
    return {
      kind: 'malformed',
      reason: 'Send the access token once: in the Authorization header or in the cookie, not both',
    };
  }
  if (typeof cookie !== 'string' || !COMPACT_JWS.test(cookie)) {
    return { kind: 'malformed', reason: 'The access-token cookie does not hold a token' };
  }
  return { kind: 'token', token: cookie, source: 'cookie' };
}

/** passport-jwt's extractor: the one token to verify, or null when there is none. */
export function accessTokenExtractor(cookieName: string): (request: TokenRequest) => string | null {
  return (request) => {
    const found = readAccessToken(request, cookieName);
    return found.kind === 'token' ? found.token : null;
  };
}
