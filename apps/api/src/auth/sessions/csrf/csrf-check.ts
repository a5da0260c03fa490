import type { Request } from 'express';
import { CSRF_HEADER } from '@authlab/shared';
import { sameSecret } from './csrf-tokens.js';

/** Methods that change nothing (RFC 9110 §9.2.1) need no CSRF defence; every other one does. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export interface CsrfExpectations {
  /** True for an origin whose pages may send state-changing requests with the session cookies. */
  isTrustedOrigin: (origin: string) => boolean;
  csrfCookieName: string;
  /** True when the token in the header is the one of the session being used. */
  belongsToSession: (token: string) => boolean;
}

type CsrfRequest = Pick<Request, 'headers'> & { cookies?: unknown };

/**
 * Why a state-changing, cookie-authenticated request must be refused as a possible cross-site
 * request forgery, or undefined when it may pass. Two independent defences:
 * 1. where it came from — `Sec-Fetch-Site` and `Origin`, which browsers set and pages cannot;
 * 2. a double-submit token — the header must repeat the CSRF cookie, which only a page of this
 *    site can read, and the token must belong to the session.
 */
export function csrfRefusal(request: CsrfRequest, expected: CsrfExpectations): string | undefined {
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  if (site === 'cross-site') return 'Sec-Fetch-Site says another site started this request';
  if (origin !== undefined && !expected.isTrustedOrigin(origin))
    return `Origin ${origin} is not a trusted origin`;
  if (site === 'same-site' && origin === undefined)
    return 'a same-site request without an Origin header';

  const header = request.headers[CSRF_HEADER.toLowerCase()];
  if (typeof header !== 'string' || header === '') return `the ${CSRF_HEADER} header is missing`;
  const cookies = (request.cookies ?? {}) as Record<string, unknown>;
  const cookie = Object.hasOwn(cookies, expected.csrfCookieName)
    ? cookies[expected.csrfCookieName]
    : undefined;
  if (typeof cookie !== 'string') return 'the CSRF cookie is missing';
  if (!sameSecret(header, cookie))
    return `the ${CSRF_HEADER} header does not repeat the CSRF cookie`;
  if (!expected.belongsToSession(header)) return 'the CSRF token belongs to another session';
  return undefined;
}
