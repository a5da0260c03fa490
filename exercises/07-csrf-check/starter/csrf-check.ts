import type { RequestHandler } from 'express';

export interface CsrfOptions {
  /** Exact origins the API's own pages are served from, e.g. "https://app.authlab.test". */
  allowedOrigins: string[];
  /** The server's secret for signing CSRF tokens. */
  secret: string;
}

/** A CSRF token bound to this session: what the API sets in the authlab_csrf cookie. */
export function issueCsrfToken(sessionId: string, _secret: string): string {
  // Not written yet: see exercises/07-csrf-check/README.md.
  return sessionId;
}

/** Refuses (403) a state-changing, cookie-authenticated request that did not come from this site. */
export function csrfCheck(_options: CsrfOptions): RequestHandler {
  return (_req, _res, next) => next();
}
