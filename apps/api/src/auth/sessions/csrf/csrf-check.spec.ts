import { describe, expect, it } from 'vitest';
import { csrfRefusal, isStateChanging } from './csrf-check.js';

const TOKEN = 'c3RhdGVmdWwgdG9rZW4gb2YgdGhpcyBzZXNzaW9u';
const expected = {
  isTrustedOrigin: (origin: string) => origin === 'https://authlab.example',
  csrfCookieName: '__Host-authlab_csrf',
  belongsToSession: (token: string) => token === TOKEN,
};
const request = (
  headers: Record<string, string>,
  cookies: Record<string, unknown> = { '__Host-authlab_csrf': TOKEN },
) => ({ headers, cookies });

describe('csrfRefusal', () => {
  it('lets a same-origin request that repeats the session’s token pass', () => {
    expect(
      csrfRefusal(
        request({
          origin: 'https://authlab.example',
          'sec-fetch-site': 'same-origin',
          'x-csrf-token': TOKEN,
        }),
        expected,
      ),
    ).toBeUndefined();
    expect(csrfRefusal(request({ 'x-csrf-token': TOKEN }), expected)).toBeUndefined();
  });

  it.each([
    [{ 'sec-fetch-site': 'cross-site', 'x-csrf-token': TOKEN }, 'another site'],
    [{ origin: 'https://evil.example', 'x-csrf-token': TOKEN }, 'not a trusted origin'],
    [
      { origin: 'https://authlab.example.evil.example', 'x-csrf-token': TOKEN },
      'not a trusted origin',
    ],
    [{ origin: 'null', 'x-csrf-token': TOKEN }, 'not a trusted origin'],
    [{ 'sec-fetch-site': 'same-site', 'x-csrf-token': TOKEN }, 'without an Origin'],
    [{}, 'header is missing'],
    [{ 'x-csrf-token': TOKEN.slice(1) }, 'does not repeat'],
    [{ 'x-csrf-token': `${TOKEN} ` }, 'does not repeat'],
  ])('refuses %j', (headers, reason) => {
    expect(csrfRefusal(request(headers), expected)).toContain(reason);
  });

  it('refuses a missing cookie, a cookie that is not text, and a matching pair from another session', () => {
    expect(csrfRefusal(request({ 'x-csrf-token': TOKEN }, {}), expected)).toContain(
      'cookie is missing',
    );
    expect(
      csrfRefusal(
        request({ 'x-csrf-token': TOKEN }, { '__Host-authlab_csrf': { token: TOKEN } }),
        expected,
      ),
    ).toContain('cookie is missing');
    expect(
      csrfRefusal(
        request({ 'x-csrf-token': 'planted' }, { '__Host-authlab_csrf': 'planted' }),
        expected,
      ),
    ).toContain('another session');
  });
});

describe('isStateChanging', () => {
  it('treats every method but GET, HEAD and OPTIONS as state-changing', () => {
    expect(['GET', 'HEAD', 'OPTIONS', 'get'].map(isStateChanging)).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(['POST', 'PUT', 'PATCH', 'DELETE', 'PROPFIND'].map(isStateChanging)).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
  });
});
