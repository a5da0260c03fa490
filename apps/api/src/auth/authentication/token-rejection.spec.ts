import { createSecretKey, randomBytes, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenRejection, toTokenRejection } from './token-rejection.js';

const ISSUER = 'issuer-under-test';
const AUDIENCE = 'audience-under-test';
const NOW_SECONDS = 1_800_000_000;

const key = createSecretKey(randomBytes(32));

function sign(
  claims: Record<string, unknown>,
  options: jwt.SignOptions = {},
  signingKey: KeyObject = key,
): string {
  return jwt.sign(
    { sub: '1', iss: ISSUER, aud: AUDIENCE, iat: NOW_SECONDS, exp: NOW_SECONDS + 60, ...claims },
    signingKey,
    { algorithm: 'HS256', ...options },
  );
}

/** What jsonwebtoken throws when it verifies `token` the way JwtStrategy does. */
function verificationError(token: string): unknown {
  try {
    jwt.verify(token, key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
  } catch (error) {
    return error;
  }
  throw new Error('expected jsonwebtoken to refuse the token');
}

describe('toTokenRejection with errors from jsonwebtoken.verify', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  function atTime(seconds: number): void {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(seconds * 1000);
  }

  it('accepts the control token, so each refusal below has one cause', () => {
    atTime(NOW_SECONDS);
    expect(() =>
      jwt.verify(sign({}), key, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE }),
    ).not.toThrow();
  });

  it('maps an expired token to "expired" and says how long ago', () => {
    atTime(NOW_SECONDS);
    const error = verificationError(sign({ exp: NOW_SECONDS - 90 }));
    expect(error).toBeInstanceOf(jwt.TokenExpiredError);
    const rejection = toTokenRejection(error);
    expect(rejection.code).toBe('expired');
    expect(rejection.detail).toBe('expired 90 s ago');
  });

  it('maps a token used before its nbf to "not_yet_valid"', () => {
    atTime(NOW_SECONDS);
    const rejection = toTokenRejection(verificationError(sign({ nbf: NOW_SECONDS + 30 })));
    expect(rejection.code).toBe('not_yet_valid');
    expect(rejection.detail).toBe(
      `not valid before ${new Date((NOW_SECONDS + 30) * 1000).toISOString()}`,
    );
  });

  it('maps a token for another audience to "wrong_audience"', () => {
    atTime(NOW_SECONDS);
    expect(toTokenRejection(verificationError(sign({ aud: 'some-other-api' }))).code).toBe(
      'wrong_audience',
    );
  });

  it('maps a token from another issuer to "wrong_issuer"', () => {
    atTime(NOW_SECONDS);
    expect(
      toTokenRejection(verificationError(sign({ iss: 'https://attacker.example' }))).code,
    ).toBe('wrong_issuer');
  });

  it('keeps the configured audience and issuer in the detail, which is for the server only', () => {
    atTime(NOW_SECONDS);
    const audience = toTokenRejection(verificationError(sign({ aud: 'some-other-api' })));
    const issuer = toTokenRejection(verificationError(sign({ iss: 'https://attacker.example' })));
    expect(audience.detail).toContain(AUDIENCE);
    expect(issuer.detail).toContain(ISSUER);
  });

  it('maps a token signed with another key to "bad_signature"', () => {
    atTime(NOW_SECONDS);
    const forged = sign({}, {}, createSecretKey(randomBytes(32)));
    const rejection = toTokenRejection(verificationError(forged));
    expect(rejection.code).toBe('bad_signature');
    expect(rejection.detail).toBe('the signature does not match');
  });

  it('maps an unsigned alg "none" token to "bad_algorithm"', () => {
    atTime(NOW_SECONDS);
    const unsigned = jwt.sign(
      { sub: '1', iss: ISSUER, aud: AUDIENCE, exp: NOW_SECONDS + 60 },
      null,
      {
        algorithm: 'none',
      },
    );
    expect(unsigned.endsWith('.')).toBe(true);
    expect(toTokenRejection(verificationError(unsigned)).code).toBe('bad_algorithm');
  });

  it('maps a token signed with an algorithm that is not configured to "bad_algorithm"', () => {
    atTime(NOW_SECONDS);
    expect(toTokenRejection(verificationError(sign({}, { algorithm: 'HS384' }))).code).toBe(
      'bad_algorithm',
    );
  });

  it('maps text that is not a JWT to "malformed"', () => {
    const rejection = toTokenRejection(verificationError('not-a-jwt'));
    expect(rejection.code).toBe('malformed');
    expect(rejection.detail).toBe('jwt malformed');
  });
});

describe('toTokenRejection with other inputs', () => {
  it('returns a TokenRejection unchanged', () => {
    const rejection = new TokenRejection('unknown_key', 'kid "x" names no configured key');
    expect(toTokenRejection(rejection)).toBe(rejection);
  });

  it('maps passport-jwt\'s "No auth token" error to "missing"', () => {
    expect(toTokenRejection(new Error('No auth token'))).toMatchObject({
      code: 'missing',
      detail: 'no access token was sent',
    });
  });

  it('maps an unknown value to "malformed"', () => {
    expect(toTokenRejection(undefined)).toMatchObject({
      code: 'malformed',
      detail: 'the token was refused',
    });
  });
});
