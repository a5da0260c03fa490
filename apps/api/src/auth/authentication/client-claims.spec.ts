import { describe, expect, it } from 'vitest';
import { clientFromClaims } from './client-claims.js';
import { TokenRejection } from './token-rejection.js';

const CLIENT = 'cl_AAAAAAAAAAAAAAAAAAAAAA';
const GOOD = {
  sub: CLIENT,
  client_id: CLIENT,
  scope: 'read update',
  jti: 'j',
  iat: 1_999_999_700,
  exp: 2_000_000_000,
  ver: 0,
};
/** What checkTokenTimes (token-times.ts) found; the times themselves are checked there. */
const TIMES = { issuedAt: 1_999_999_700, expiresAt: 2_000_000_000 };

describe('clientFromClaims', () => {
  it('turns the claims into a client principal whose permissions are its scope', () => {
    expect(clientFromClaims(GOOD, TIMES)).toEqual({
      kind: 'client',
      clientId: CLIENT,
      permissions: ['read', 'update'],
      tokenId: 'j',
      issuedAt: 1_999_999_700,
      expiresAt: 2_000_000_000,
      tokenVersion: 0,
    });
  });

  it.each([
    ['a subject that is not the client', { sub: 'cl_BBBBBBBBBBBBBBBBBBBBBB' }],
    ['a client id of the wrong shape', { client_id: '1', sub: '1' }],
    ['a role beside the scope', { role: 'admin' }],
    ['a username', { username: 'admin' }],
    ['an unknown permission', { scope: 'read superpower' }],
    ['a repeated permission', { scope: 'read read' }],
    ['an empty scope', { scope: '' }],
    ['a scope list instead of a string', { scope: ['read'] }],
    ['a prototype name as scope', { scope: 'constructor' }],
    ['a negative version', { ver: -1 }],
    ['no jti', { jti: undefined }],
  ])('refuses %s', (_case, change) => {
    const claims = Object.fromEntries(
      Object.entries({ ...GOOD, ...change }).filter(([, value]) => value !== undefined),
    );
    expect(() => clientFromClaims(claims, TIMES)).toThrow(TokenRejection);
  });
});
