import { ApiException } from '../../common/errors/api-exception.js';
import type { TokenRejection } from './token-rejection.js';

export const REALM = 'authlab';

/** Builds a `WWW-Authenticate: Bearer …` value (RFC 6750 §3). */
export function bearerChallenge(
  params: { error?: string; description?: string; scope?: string } = {},
): string {
  const parts = [`realm="${REALM}"`];
  if (params.error) parts.push(`error="${params.error}"`);
  if (params.description) parts.push(`error_description="${params.description}"`);
  if (params.scope) parts.push(`scope="${params.scope}"`);
  return `Bearer ${parts.join(', ')}`;
}

/** 401 for a request that sent no credentials: a challenge with no error code (RFC 6750 §3.1). */
export class AuthenticationRequiredException extends ApiException {
  constructor(
    message = 'This route needs an access token.',
    /** The scheme the Authorization header used instead of Bearer, if it used one. */
    readonly otherScheme?: string,
  ) {
    super(401, message, { 'WWW-Authenticate': bearerChallenge() });
  }
}

export function authenticationRequired(message?: string): AuthenticationRequiredException {
  return new AuthenticationRequiredException(message);
}

/** 401 for a token that was sent but cannot be accepted; keeps the detailed reason for the trace. */
export class InvalidTokenException extends ApiException {
  constructor(
    description: string,
    readonly rejection?: TokenRejection,
  ) {
    super(401, `${description}.`, {
      'WWW-Authenticate': bearerChallenge({ error: 'invalid_token', description }),
    });
  }
}

export function invalidToken(
  description: string,
  rejection?: TokenRejection,
): InvalidTokenException {
  return new InvalidTokenException(description, rejection);
}

/** 400 for an Authorization header that does not follow the Bearer syntax (RFC 6750 §3.1). */
export class InvalidRequestException extends ApiException {
  constructor(readonly description: string) {
    super(400, `${description}.`, {
      'WWW-Authenticate': bearerChallenge({ error: 'invalid_request', description }),
    });
  }
}

export function invalidRequest(description: string): InvalidRequestException {
  return new InvalidRequestException(description);
}

/** 403 for a valid token whose role or scope does not grant what the route needs (RFC 6750 §3.1). */
export class InsufficientScopeException extends ApiException {
  constructor(message: string, scope: string) {
    super(403, message, {
      'WWW-Authenticate': bearerChallenge({ error: 'insufficient_scope', scope }),
    });
  }
}

export function insufficientScope(message: string, scope: string): InsufficientScopeException {
  return new InsufficientScopeException(message, scope);
}
