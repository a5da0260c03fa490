import { describe, expect, it } from 'vitest';
import { accessTokenExtractor, readAccessToken } from './access-token-source.js';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
const COOKIE = 'authlab_access';
const request = (parts: {
  authorization?: string;
  cookies?: unknown;
  query?: unknown;
  body?: unknown;
}) => ({
  headers: parts.authorization === undefined ? {} : { authorization: parts.authorization },
  cookies: parts.cookies,
  query: parts.query ?? {},
  body: parts.body,
});

describe('readAccessToken', () => {
  it('takes the token from the Authorization header or from the cookie', () => {
    expect(readAccessToken(request({ authorization: `Bearer ${JWT}` }), COOKIE)).toEqual({
      kind: 'token',
      token: JWT,
      source: 'header',
    });
    expect(readAccessToken(request({ cookies: { [COOKIE]: JWT } }), COOKIE)).toEqual({
      kind: 'token',
      token: JWT,
      source: 'cookie',
    });
    expect(
      readAccessToken(request({ authorization: 'Basic YTpi', cookies: { [COOKIE]: JWT } }), COOKIE),
    ).toMatchObject({ source: 'cookie' });
  });

  it('refuses both at once, even when they hold the same token', () => {
    expect(
      readAccessToken(
        request({ authorization: `Bearer ${JWT}`, cookies: { [COOKIE]: JWT } }),
        COOKIE,
      ),
    ).toMatchObject({ kind: 'malformed' });
  });

  it.each([
    ['the query string', { query: { access_token: JWT } }],
    [
      'the query string beside a header',
      { query: { access_token: 'x' }, authorization: `Bearer ${JWT}` },
    ],
    ['the body', { body: { access_token: JWT } }],
  ])('refuses a token in %s', (_where, parts) => {
    expect(readAccessToken(request(parts), COOKIE)).toMatchObject({ kind: 'malformed' });
  });

  it.each([['not.a'], ['a.b.c.d'], ['a b.c.d'], ['']])(
    'refuses a cookie that cannot hold a token: %j',
    (value) => {
      expect(readAccessToken(request({ cookies: { [COOKIE]: value } }), COOKIE)).toMatchObject({
        kind: 'malformed',
      });
    },
  );

  it('refuses a JSON cookie (cookie-parser turns "j:{…}" into an object)', () => {
    expect(readAccessToken(request({ cookies: { [COOKIE]: { sub: '1' } } }), COOKIE)).toMatchObject(
      { kind: 'malformed' },
    );
  });

  it('finds nothing in another cookie, an inherited property or a request without cookie parsing', () => {
    expect(readAccessToken(request({ cookies: { authlab_other: JWT } }), COOKIE)).toEqual({
      kind: 'absent',
    });
    expect(
      readAccessToken(request({ cookies: Object.create({ [COOKIE]: JWT }) as object }), COOKIE),
    ).toEqual({ kind: 'absent' });
    expect(readAccessToken(request({}), COOKIE)).toEqual({ kind: 'absent' });
    expect(accessTokenExtractor(COOKIE)(request({ authorization: 'Bearer' }))).toBeNull();
  });
});
