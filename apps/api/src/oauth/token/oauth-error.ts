import type { OAuthErrorBody } from '@authlab/shared';
import { REALM } from '../../auth/authentication/bearer-challenge.js';

/**
 * An error of the token endpoint, answered as RFC 6749 §5.2 says — `{ error, error_description }`
 * — instead of the API's usual shape, because OAuth client libraries read exactly that.
 */
export class OAuthError extends Error {
  override name = 'OAuthError';
  constructor(
    readonly status: 400 | 401,
    readonly error: OAuthErrorBody['error'],
    readonly description: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(description);
  }
}

/** 401 for client authentication that failed, with the Basic challenge RFC 6749 §5.2 asks for. */
export function invalidClient(description: string): OAuthError {
  return new OAuthError(401, 'invalid_client', description, {
    'WWW-Authenticate': `Basic realm="${REALM}", charset="UTF-8"`,
  });
}
