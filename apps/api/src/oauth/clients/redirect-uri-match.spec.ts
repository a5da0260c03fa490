import { describe, expect, it } from 'vitest';
import { matchesRegisteredRedirect } from './redirect-uri-match.js';

describe('matchesRegisteredRedirect (RFC 9700 §4.1.3: exact matching)', () => {
  const registered = ['https://app.example/callback', 'http://127.0.0.1:4100/callback'];

  it('accepts a registered URI exactly as registered', () => {
    expect(matchesRegisteredRedirect(registered, 'https://app.example/callback')).toBe(true);
  });

  it.each([
    ['one character more', 'https://app.example/callbacks'],
    ['one character less', 'https://app.example/callbac'],
    ['one more path segment', 'https://app.example/callback/evil'],
    ['a query added', 'https://app.example/callback?next=evil'],
    ['a trailing slash', 'https://app.example/callback/'],
    ['another host with the same prefix', 'https://app.example.evil/callback'],
    ['upper case', 'https://APP.example/callback'],
    ['http instead of https', 'http://app.example/callback'],
    ['a port on a non-loopback host', 'https://app.example:8443/callback'],
    ['a loopback URI with another path', 'http://127.0.0.1:4100/callback2'],
    ['localhost for a 127.0.0.1 registration', 'http://localhost:4100/callback'],
    ['a loopback URI with a fragment', 'http://127.0.0.1:4100/callback#x'],
  ])('refuses %s', (_case, presented) => {
    expect(matchesRegisteredRedirect(registered, presented)).toBe(false);
  });

  it('lets a loopback IP redirect use any port (RFC 8252 §7.3)', () => {
    expect(matchesRegisteredRedirect(registered, 'http://127.0.0.1:51234/callback')).toBe(true);
  });
});
