import type { ErrorRequestHandler } from 'express';

/** What the rest of the application throws when authentication or authorization fails. */
export interface AuthFailure extends Error {
  kind: 'no_credentials' | 'invalid_request' | 'invalid_token' | 'insufficient_scope';
  /** For insufficient_scope: the scope the route needs, e.g. "articles:write". */
  requiredScope?: string;
}

/** Turns every error into the RFC 6750 answer: status, WWW-Authenticate, one JSON error shape. */
export const authErrorHandler: ErrorRequestHandler = (error: AuthFailure, _req, res, _next) => {
  // Not written yet: see exercises/03-auth-error-handler/README.md.
  res.status(500).json({ message: error.message });
};
