import { CLIENT_ID_PATTERN, isPermission } from '@authlab/shared';
import type { AuthenticatedClient } from './authenticated-user.js';
import { TokenRejection } from './token-rejection.js';
import type { TokenTimes } from './token-times.js';

/** A token version: a whole number from 0 up. */
export function isTokenVersion(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) >= 0;
}

/**
 * The claims of a client-credentials token (signature, issuer and audience are already
 * verified, and its times by checkTokenTimes). The client is its own subject (RFC 9068 §2.2) and `scope` must list known
 * permissions; a role or username has no place in such a token.
 */
export function clientFromClaims(
  payload: Record<string, unknown>,
  times: TokenTimes,
): AuthenticatedClient {
  const { sub, client_id: clientId, scope, jti, ver } = payload;
  if (typeof clientId !== 'string' || !CLIENT_ID_PATTERN.test(clientId) || sub !== clientId) {
    throw new TokenRejection(
      'bad_claims',
      'client_id is not a client id, or sub is not the client',
    );
  }
  if (Object.hasOwn(payload, 'role') || Object.hasOwn(payload, 'username')) {
    throw new TokenRejection('bad_claims', 'a client token carries a role or username');
  }
  if (typeof jti !== 'string' || !isTokenVersion(ver))
    throw new TokenRejection('bad_claims', 'jti or ver is missing');
  const permissions = typeof scope === 'string' ? scope.split(' ') : [];
  if (
    permissions.length === 0 ||
    !permissions.every(isPermission) ||
    new Set(permissions).size !== permissions.length
  ) {
    throw new TokenRejection(
      'bad_claims',
      `scope ${JSON.stringify(scope)} is not a list of known permissions`,
    );
  }
  return {
    kind: 'client',
    clientId,
    permissions: Object.freeze(permissions),
    tokenId: jti,
    issuedAt: times.issuedAt,
    expiresAt: times.expiresAt,
    tokenVersion: ver,
  };
}
