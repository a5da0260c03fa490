import { describe, expect, it } from 'vitest';
import { checkTokenTimes, IAT_SKEW_SECONDS } from './token-times.js';
import { TokenRejection } from './token-rejection.js';

const NOW = 1_800_000_000;
const LIFETIME = 900;
const clock = { nowSeconds: NOW, offsetSeconds: 0 };

function rejectionOf(claims: Record<string, unknown>): TokenRejection {
  try {
    checkTokenTimes(claims, clock, LIFETIME);
  } catch (error) {
    if (error instanceof TokenRejection) return error;
    throw error;
  }
  throw new Error('expected the times to be refused');
}

describe('checkTokenTimes', () => {
  it('accepts a token issued now for the whole lifetime, and one issued within the skew', () => {
    expect(checkTokenTimes({ iat: NOW, exp: NOW + LIFETIME }, clock, LIFETIME)).toEqual({
      issuedAt: NOW,
      expiresAt: NOW + LIFETIME,
    });
    const ahead = NOW + IAT_SKEW_SECONDS;
    expect(checkTokenTimes({ iat: ahead, exp: ahead + LIFETIME }, clock, LIFETIME).issuedAt).toBe(
      ahead,
    );
  });

  it.each([
    ['no exp', { iat: NOW }, 'bad_claims'],
    ['an exp that is not a number', { iat: NOW, exp: String(NOW + 60) }, 'bad_claims'],
    ['no iat', { exp: NOW + 60 }, 'bad_iat'],
    ['an iat that is not a number', { iat: String(NOW), exp: NOW + 60 }, 'bad_iat'],
    ['an exp that has passed', { iat: NOW - LIFETIME, exp: NOW }, 'expired'],
    [
      'an iat beyond the skew',
      { iat: NOW + IAT_SKEW_SECONDS + 1, exp: NOW + IAT_SKEW_SECONDS + 1 + LIFETIME },
      'bad_iat',
    ],
    ['exp − iat longer than the lifetime', { iat: NOW, exp: NOW + LIFETIME + 1 }, 'too_long_lived'],
  ])('refuses %s', (_case, claims, code) => {
    expect(rejectionOf(claims).code).toBe(code);
  });

  it('judges on the clock it is given, which demo mode may have moved ahead', () => {
    const moved = { nowSeconds: NOW + 3600, offsetSeconds: 3600 };
    expect(() => checkTokenTimes({ iat: NOW, exp: NOW + LIFETIME }, moved, LIFETIME)).toThrow(
      /expired 2700 s ago \(on the API's clock, moved 3600 s ahead\)/,
    );
  });
});
