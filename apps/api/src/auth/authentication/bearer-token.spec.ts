import { describe, expect, it } from 'vitest';
import { parseBearerHeader } from './bearer-token.js';

const JWT_LIKE = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';

describe('parseBearerHeader', () => {
  it.each([undefined, ''])('reports %j as absent', (header) => {
    expect(parseBearerHeader(header)).toEqual({ kind: 'absent' });
  });

  it.each([
    ['Basic YWxpY2U6c2VjcmV0', 'Basic'],
    ['Token abc', 'Token'],
    ['Bearerabc', 'Bearerabc'],
  ])('reports %j as another scheme named %j', (header, scheme) => {
    expect(parseBearerHeader(header)).toEqual({ kind: 'other-scheme', scheme });
  });

  it.each(['Bearer', 'Bearer ', 'Bearer    '])(
    'refuses %j because no token follows the scheme',
    (header) => {
      expect(parseBearerHeader(header)).toEqual({
        kind: 'malformed',
        reason: 'The Bearer scheme needs a token after it',
      });
    },
  );

  it.each(['bearer', 'BEARER', 'bEaReR'])(
    'accepts the scheme written %j (scheme names are case-insensitive)',
    (scheme) => {
      expect(parseBearerHeader(`${scheme} ${JWT_LIKE}`)).toEqual({
        kind: 'token',
        token: JWT_LIKE,
      });
    },
  );

  it('accepts several spaces between the scheme and the token', () => {
    expect(parseBearerHeader(`Bearer    ${JWT_LIKE}`)).toEqual({ kind: 'token', token: JWT_LIKE });
  });

  it.each([
    'Bearer abc$def',
    'Bearer "abc"',
    'Bearer abc,def',
    'Bearer abc=def',
    'Bearer =abc',
    'Bearer abc\tdef',
    'Bearer jwt\u00e9',
  ])('refuses %j because the token has characters a b64token cannot have', (header) => {
    expect(parseBearerHeader(header)).toEqual({
      kind: 'malformed',
      reason: 'The bearer token contains characters a token cannot have',
    });
  });

  it.each(['Bearer a b', `Bearer ${JWT_LIKE} extra`, `Bearer ${JWT_LIKE} `])(
    'refuses %j because something follows the token',
    (header) => {
      expect(parseBearerHeader(header).kind).toBe('malformed');
    },
  );

  it.each([JWT_LIKE, 'abc', 'A-Z.a_z~0+9/', 'abc==', 'YWJj='])(
    'accepts the b64token %j unchanged',
    (token) => {
      expect(parseBearerHeader(`Bearer ${token}`)).toEqual({ kind: 'token', token });
    },
  );
});
