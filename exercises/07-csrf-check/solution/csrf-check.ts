import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ACCESS_TOKEN_COOKIE, CSRF_COOKIE, CSRF_HEADER } from '@authlab/shared';
import type { Request, RequestHandler } from 'express';

export interface CsrfOptions {
  allowedOrigins: string[];
  secret: string;
}

// RFC 9110 §9.2.1: safe methods change nothing, so a forged one gains nothing.
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

const mac = (secret: string, sessionId: string, nonce: string) =>
  // Lengths first, so no two (session, nonce) pairs can produce the same input.
  createHmac('sha256', secret).update(`${sessionId.length}!${sessionId}!${nonce}`).digest();

// OWASP CSRF Cheat Sheet, "Signed Double-Submit Cookie": a random value and an HMAC that binds it
// to the session, so a cookie planted from a sibling subdomain cannot be used with this session.
export function issueCsrfToken(sessionId: string, secret: string): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${nonce}.${mac(secret, sessionId, nonce).toString('base64url')}`;
}

function isSignedForSession(token: string, sessionId: string, secret: string): boolean {
  const [nonce, signature, extra] = token.split('.');
  if (!nonce || !signature || extra !== undefined) return false;
  const expected = mac(secret, sessionId, nonce);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function comesFromThisSite(req: Request, allowedOrigins: string[]): boolean {
  // Fetch Metadata (OWASP): the browser says where the request came from, and pages cannot lie about it.
  const site = req.get('sec-fetch-site');
  if (site !== undefined && site !== 'same-origin') return false;
  // RFC 6454 §7: compare the serialized origin exactly; a prefix or "null" is not ours.
  const origin = req.get('origin');
  return origin === undefined || allowedOrigins.includes(origin);
}

export function csrfCheck({ allowedOrigins, secret }: CsrfOptions): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const cookies = (req.cookies ?? {}) as Record<string, unknown>;
    const sessionId = cookies[ACCESS_TOKEN_COOKIE];
    // Only cookies travel on their own; a request carrying a bearer header cannot be forged cross-site.
    if (typeof sessionId !== 'string') return next();
    const cookieToken = cookies[CSRF_COOKIE];
    const headerToken = req.get(CSRF_HEADER);
    const trusted =
      comesFromThisSite(req, allowedOrigins) &&
      typeof cookieToken === 'string' &&
      headerToken === cookieToken &&
      isSignedForSession(cookieToken, sessionId, secret);
    if (trusted) return next();
    next(Object.assign(new Error('Cross-site request refused.'), { status: 403 }));
  };
}
