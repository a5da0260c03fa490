import { STATUS_CODES } from 'node:http';
import type { ErrorRequestHandler } from 'express';

export interface AuthFailure extends Error {
  kind: 'no_credentials' | 'invalid_request' | 'invalid_token' | 'insufficient_scope';
  requiredScope?: string;
}

// RFC 6750 §3.1: each error code with its status.
const STATUS_BY_KIND: Record<AuthFailure['kind'], number> = {
  no_credentials: 401,
  invalid_request: 400,
  invalid_token: 401,
  insufficient_scope: 403,
};

const isAuthFailure = (error: unknown): error is AuthFailure =>
  error instanceof Error && Object.hasOwn(STATUS_BY_KIND, (error as AuthFailure).kind);

// RFC 6750 §3: error_description and scope may only hold %x20-21 / %x23-5B / %x5D-7E.
const quotable = (value: string) => value.replace(/[^\x20\x21\x23-\x5B\x5D-\x7E]/g, '');

function challenge(error: AuthFailure): string {
  const params = [`realm="authlab"`];
  // §3.1: a request without credentials gets no error code at all.
  if (error.kind !== 'no_credentials') {
    params.push(`error="${error.kind}"`, `error_description="${quotable(error.message)}"`);
  }
  if (error.kind === 'insufficient_scope' && error.requiredScope) {
    params.push(`scope="${quotable(error.requiredScope)}"`);
  }
  return `Bearer ${params.join(', ')}`;
}

export const authErrorHandler: ErrorRequestHandler = (error: unknown, _req, res, next) => {
  // Express: once the answer has started, only its own handler can close the connection.
  if (res.headersSent) return next(error);
  if (!isAuthFailure(error)) {
    // Never show an unknown error's message or stack: it describes the server, not the request.
    res.status(500).json({
      statusCode: 500,
      error: STATUS_CODES[500],
      message: 'Something went wrong.',
    });
    return;
  }
  const statusCode = STATUS_BY_KIND[error.kind];
  res
    .status(statusCode)
    .set('WWW-Authenticate', challenge(error))
    .json({ statusCode, error: STATUS_CODES[statusCode], message: error.message });
};
