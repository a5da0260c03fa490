import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { permissionsOf } from '@authlab/shared';
import { loadConfig } from '../../config/load-config.js';
import { Clock } from '../../clock/clock.js';
import { JwtStrategy } from './jwt.strategy.js';
import { hmacKeys } from '../tokens/signing-keys.js';
import { TokenRejection } from './token-rejection.js';

const strategy = new JwtStrategy(
  loadConfig({ NODE_ENV: 'test', SQLITE_FILE: ':memory:' }, []),
  hmacKeys(randomBytes(32)),
  new Clock(false),
);

const GOOD_CLAIMS = {
  sub: '42',
  username: 'alice',
  role: 'editor',
  jti: 'c5a1a3c4-0d55-4b8e-9a52-6b0f2f7c9e10',
  // Issued a minute ago on the system clock, for the configured 15 minutes.
  iat: Math.floor(Date.now() / 1000) - 60,
  exp: Math.floor(Date.now() / 1000) + 840,
  iss: 'authlab',
  aud: 'authlab-api',
  sid: 'J2wGvGQ3m1KX3vS8mT0Qxw',
  ver: 3,
};

function rejectionOf(claims: Record<string, unknown>): TokenRejection {
  try {
    strategy.validate(claims);
  } catch (error) {
    if (error instanceof TokenRejection) return error;
    throw error;
  }
  throw new Error('expected validate() to refuse the claims');
}

describe('JwtStrategy.validate', () => {
  it('turns good claims into the AuthenticatedUser with the permissions of its role', () => {
    expect(strategy.validate(GOOD_CLAIMS)).toEqual({
      kind: 'user',
      id: 42,
      username: 'alice',
      role: 'editor',
      permissions: ['read', 'create', 'update'],
      tokenId: GOOD_CLAIMS.jti,
      issuedAt: GOOD_CLAIMS.iat,
      expiresAt: GOOD_CLAIMS.exp,
      sessionId: GOOD_CLAIMS.sid,
      tokenVersion: GOOD_CLAIMS.ver,
    });
  });

  it.each(['user', 'writer', 'editor', 'admin'] as const)(
    'takes the permissions of %s from the shared matrix',
    (role) => {
      expect(strategy.validate({ ...GOOD_CLAIMS, role }).permissions).toEqual(permissionsOf(role));
    },
  );

  it('refuses a token without exp, which jsonwebtoken would treat as never expiring', () => {
    const { exp: _exp, ...withoutExp } = GOOD_CLAIMS;
    expect(rejectionOf(withoutExp)).toMatchObject({
      code: 'bad_claims',
      detail: 'the token has no exp claim',
    });
  });

  it('refuses an exp that is not a number', () => {
    expect(rejectionOf({ ...GOOD_CLAIMS, exp: '1800000900' }).code).toBe('bad_claims');
  });

  it.each([['abc'], ['0'], ['042'], ['-1'], ['4.2'], [' 42'], ['12345678901'], [42], [undefined]])(
    'refuses sub %j, which is not a user id',
    (sub) => {
      expect(rejectionOf({ ...GOOD_CLAIMS, sub })).toMatchObject({
        code: 'bad_claims',
        detail: 'sub is not a user id',
      });
    },
  );

  it.each([
    ['username', { username: undefined }],
    ['username', { username: 7 }],
    ['jti', { jti: undefined }],
  ])('refuses claims with a missing or non-string %s', (_claim, change) => {
    expect(rejectionOf({ ...GOOD_CLAIMS, ...change })).toMatchObject({
      code: 'bad_claims',
      detail: 'username or jti is missing',
    });
  });

  it.each(['constructor', '__proto__', 'Admin', 'admin ', 'root', '', undefined, ['admin']])(
    'refuses the unknown role %j',
    (role) => {
      const rejection = rejectionOf({ ...GOOD_CLAIMS, role });
      expect(rejection.code).toBe('bad_claims');
      expect(rejection.detail).toMatch(/is not a known role$/);
    },
  );
});
