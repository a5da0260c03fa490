import { describe, expect, it } from 'vitest';
import { base64url, fakeAccessToken } from '../test/fake-api';
import { decodeJwt, isUnexpired } from './decode-jwt';

const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'at+jwt', kid: 'k1' }));
const payload = base64url(JSON.stringify({ sub: '3', username: 'writer', role: 'writer' }));
const signature = base64url('s'.repeat(32));

describe('decodeJwt', () => {
  it('decodes the header and payload of a well-formed token and keeps its segments', () => {
    const token = fakeAccessToken({ sub: '3', role: 'writer', note: 'héllo ✓' });
    const decoded = decodeJwt(token);

    if (!decoded.ok) throw new Error(decoded.problem);
    expect(decoded.segments).toEqual(
      Object.fromEntries(
        ['header', 'payload', 'signature'].map((part, i) => [part, token.split('.')[i]]),
      ),
    );
    expect(decoded.header).toEqual({
      ok: true,
      value: { alg: 'HS256', typ: 'at+jwt', kid: 'hs256-2025-1' },
    });
    expect(decoded.payload).toEqual({
      ok: true,
      value: { sub: '3', role: 'writer', note: 'héllo ✓' },
    });
    expect(decoded.signature).toEqual({ ok: true, value: { byteLength: 32 } });
  });

  it('ignores whitespace around the token', () => {
    expect(decodeJwt(`  ${header}.${payload}.${signature}\n`).ok).toBe(true);
  });

  it('reports broken base64url in the header and still decodes the payload', () => {
    const decoded = decodeJwt(`${header.slice(0, 5)}+/${header.slice(5)}.${payload}.${signature}`);

    if (!decoded.ok) throw new Error(decoded.problem);
    expect(decoded.header).toEqual({ ok: false, problem: 'is not base64url: it contains "+"' });
    expect(decoded.payload.ok).toBe(true);
  });

  it('reports a segment whose length cannot be base64url', () => {
    const decoded = decodeJwt(`${header}.${payload}x.${signature}`.replace(`${payload}x`, 'abcde'));

    if (!decoded.ok) throw new Error(decoded.problem);
    expect(decoded.payload).toEqual({
      ok: false,
      problem: 'is not base64url: its length cannot come from whole bytes',
    });
  });

  it('reports a payload that is valid base64url but not JSON', () => {
    const decoded = decodeJwt(`${header}.${base64url('role=admin')}.${signature}`);

    if (!decoded.ok) throw new Error(decoded.problem);
    expect(decoded.header.ok).toBe(true);
    expect(decoded.payload).toMatchObject({
      ok: false,
      problem: 'decodes to text that is not JSON',
      text: 'role=admin',
      position: 0,
    });
  });

  it('points at the place where a cut-off payload stops being JSON', () => {
    const decoded = decodeJwt(`${header}.${base64url('{"sub":"3","role":')}.${signature}`);

    expect(decoded.ok && decoded.payload).toMatchObject({
      ok: false,
      text: '{"sub":"3","role":',
      position: 18,
    });
  });

  it('reports JSON that is not an object, and bytes that are not UTF-8', () => {
    const notObject = decodeJwt(`${header}.${base64url('[1,2]')}.${signature}`);
    const notUtf8 = decodeJwt(
      `${header}.${btoa('\xff\xfe').replace(/\//g, '_').replace(/=+$/, '')}.${signature}`,
    );

    expect(notObject.ok && notObject.payload).toEqual({
      ok: false,
      problem: 'decodes to JSON that is not an object',
      text: '[1,2]',
    });
    expect(notUtf8.ok && notUtf8.payload).toEqual({
      ok: false,
      problem: 'decodes to bytes that are not UTF-8 text',
    });
  });

  it('reports an empty signature (an unsigned "alg: none" token) as a signature problem', () => {
    const decoded = decodeJwt(`${header}.${payload}.`);

    expect(decoded.ok && decoded.signature).toEqual({ ok: false, problem: 'is empty' });
  });

  it('refuses a token that does not have three parts, naming JWE for five', () => {
    expect(decodeJwt('not-a-token')).toEqual({
      ok: false,
      problem: 'A signed JWT has three parts separated by dots; this one has 1.',
    });
    expect(decodeJwt('a.b.c.d.e')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('JWE'),
    });
  });

  it('tells an expired token from a live one, and treats an unreadable one as expired', () => {
    expect(isUnexpired(fakeAccessToken({ exp: 2000 }), 1000)).toBe(true);
    expect(isUnexpired(fakeAccessToken({ exp: 2000 }), 3000)).toBe(false);
    expect(isUnexpired('not-a-token')).toBe(false);
  });
});
