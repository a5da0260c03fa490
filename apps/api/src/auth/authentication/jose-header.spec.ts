import { describe, expect, it } from 'vitest';
import { checkJoseHeader } from './jose-header.js';

const KID = 'configured-kid';
const PAYLOAD_AND_SIGNATURE = 'eyJzdWIiOiIxIn0.c2lnbmF0dXJl';

function tokenWithHeaderText(headerText: string): string {
  return `${Buffer.from(headerText, 'utf8').toString('base64url')}.${PAYLOAD_AND_SIGNATURE}`;
}

function tokenWithHeader(header: unknown): string {
  return tokenWithHeaderText(JSON.stringify(header));
}

const GOOD_HEADER = { alg: 'HS256', typ: 'at+jwt', kid: KID };

describe('checkJoseHeader', () => {
  it('accepts an access-token header naming the configured key', () => {
    expect(checkJoseHeader(tokenWithHeader(GOOD_HEADER), KID)).toBeNull();
  });

  it('accepts a header without kid', () => {
    expect(checkJoseHeader(tokenWithHeader({ alg: 'HS256', typ: 'at+jwt' }), KID)).toBeNull();
  });

  it.each(['AT+JWT', 'application/at+jwt', 'Application/AT+JWT'])('accepts typ %j', (typ) => {
    expect(checkJoseHeader(tokenWithHeader({ ...GOOD_HEADER, typ }), KID)).toBeNull();
  });

  it.each([
    ['jku', 'https://attacker.example/jwks.json'],
    ['x5u', 'https://attacker.example/cert.pem'],
    ['jwk', { kty: 'oct', k: 'YXR0YWNrZXI' }],
    ['x5c', ['MIIBszCCAVmgAwIBAgIU']],
    ['crit', ['exp']],
  ])('refuses a header carrying %s', (field, value) => {
    const rejection = checkJoseHeader(tokenWithHeader({ ...GOOD_HEADER, [field]: value }), KID);
    expect(rejection?.code).toBe('forbidden_header');
    expect(rejection?.detail).toBe(`the header carries "${field}", which authlab never trusts`);
  });

  it('refuses a forbidden field even when its value is null', () => {
    expect(checkJoseHeader(tokenWithHeader({ ...GOOD_HEADER, jwk: null }), KID)?.code).toBe(
      'forbidden_header',
    );
  });

  it.each([
    ['an ID-token style typ', 'JWT', 'typ was "JWT", expected "at+jwt"'],
    ['another media type', 'application/jwt', 'typ was "application/jwt", expected "at+jwt"'],
    ['a typ that is not a string', 1, 'typ was 1, expected "at+jwt"'],
  ])('refuses %s', (_case, typ, detail) => {
    const rejection = checkJoseHeader(tokenWithHeader({ ...GOOD_HEADER, typ }), KID);
    expect(rejection?.code).toBe('wrong_type');
    expect(rejection?.detail).toBe(detail);
  });

  it('refuses a header without typ', () => {
    const rejection = checkJoseHeader(tokenWithHeader({ alg: 'HS256', kid: KID }), KID);
    expect(rejection?.code).toBe('wrong_type');
    expect(rejection?.detail).toBe('typ was null, expected "at+jwt"');
  });

  it.each(['another-kid', '', 7, null])('refuses kid %j, which names no configured key', (kid) => {
    const rejection = checkJoseHeader(tokenWithHeader({ ...GOOD_HEADER, kid }), KID);
    expect(rejection?.code).toBe('unknown_key');
  });

  it('checks for forbidden fields before typ and kid', () => {
    const header = {
      alg: 'HS256',
      typ: 'JWT',
      kid: 'another-kid',
      jku: 'https://attacker.example',
    };
    expect(checkJoseHeader(tokenWithHeader(header), KID)?.code).toBe('forbidden_header');
  });

  it.each([
    ['text that is not JSON', tokenWithHeaderText('not json')],
    ['truncated JSON', tokenWithHeaderText('{"alg":"HS256"')],
    ['an empty header segment', `.${PAYLOAD_AND_SIGNATURE}`],
  ])('refuses a header that is %s', (_case, token) => {
    const rejection = checkJoseHeader(token, KID);
    expect(rejection?.code).toBe('malformed');
    expect(rejection?.detail).toBe('the header is not base64url-encoded JSON');
  });

  it.each([
    ['an array', [GOOD_HEADER]],
    ['null', null],
    ['a string', 'at+jwt'],
    ['a number', 42],
  ])('refuses a header that is %s instead of an object', (_case, header) => {
    const rejection = checkJoseHeader(tokenWithHeader(header), KID);
    expect(rejection?.code).toBe('malformed');
    expect(rejection?.detail).toBe('the header is not a JSON object');
  });
});
