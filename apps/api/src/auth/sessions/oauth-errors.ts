import { ApiException } from '../../common/errors/api-exception.js';

/** 400 for a refresh token that cannot be used (RFC 6749 §5.2 `invalid_grant`), in the API's error shape. */
export function invalidGrant(message: string): ApiException {
  return new ApiException(400, message, {}, undefined, 'invalid_grant');
}

/** 400 for a refresh request that is malformed or ambiguous (`invalid_request`). */
export function invalidRefreshRequest(message: string): ApiException {
  return new ApiException(400, message, {}, undefined, 'invalid_request');
}
