import type { ErrorRequestHandler } from 'express';

// Near miss: one 401 invalid_token for every auth failure, and the unknown error's message shown.
export const authErrorHandler: ErrorRequestHandler = (
  error: Error & { kind?: string },
  _req,
  res,
  _next,
) => {
  if (!error.kind) {
    res
      .status(500)
      .json({ statusCode: 500, error: 'Internal Server Error', message: error.message });
    return;
  }
  res
    .status(401)
    .set('WWW-Authenticate', 'Bearer realm="authlab", error="invalid_token"')
    .json({ statusCode: 401, error: 'Unauthorized', message: error.message });
};
