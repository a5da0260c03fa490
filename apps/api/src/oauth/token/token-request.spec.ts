import { describe, expect, it } from 'vitest';
import { OAuthError } from './oauth-error.js';
import { clientCredentialsFrom, grantedScope, readTokenRequest } from './token-request.js';

const errorOf = (work: () => unknown): OAuthError => {
  try {
    work();
  } catch (error) {
    if (error instanceof OAuthError) return error;
    throw error;
  }
  throw new Error('expected an OAuthError');
};
const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('readTokenRequest', () => {
  it('reads grant_type and scope, ignoring unknown parameters (RFC 6749 §3.2)', () => {
    expect(
      readTokenRequest(true, { grant_type: 'client_credentials', scope: 'read', audience: 'x' }),
    ).toEqual({ grantType: 'client_credentials', scope: 'read' });
    expect(readTokenRequest(true, { grant_type: 'client_credentials', scope: '' })).toEqual({
      grantType: 'client_credentials',
      scope: undefined,
    });
  });

  it.each([
    ['a body that is not a form', false, { grant_type: 'client_credentials' }],
    ['a repeated parameter', true, { grant_type: ['client_credentials', 'client_credentials'] }],
    ['a repeated unknown parameter', true, { grant_type: 'client_credentials', x: ['1', '2'] }],
    ['credentials in the body', true, { grant_type: 'client_credentials', client_id: 'cl_x' }],
    ['no grant_type', true, { scope: 'read' }],
  ])('answers %s with invalid_request', (_case, isForm, body) => {
    expect(errorOf(() => readTokenRequest(isForm, body))).toMatchObject({
      status: 400,
      error: 'invalid_request',
    });
  });
});

describe('clientCredentialsFrom', () => {
  it('form-decodes the id and secret inside the Basic header (RFC 6749 §2.3.1)', () => {
    expect(clientCredentialsFrom(basic('cl_abc:s%3Acr+t'))).toEqual({
      clientId: 'cl_abc',
      secret: 's:cr t',
    });
  });

  it.each([undefined, 'Bearer x.y.z', 'Basic ***', basic('no-colon'), basic('cl_abc:%E0%A4%A')])(
    'answers %j with 401 invalid_client and a Basic challenge',
    (header) => {
      expect(errorOf(() => clientCredentialsFrom(header))).toMatchObject({
        status: 401,
        error: 'invalid_client',
        headers: { 'WWW-Authenticate': 'Basic realm="authlab", charset="UTF-8"' },
      });
    },
  );
});

describe('grantedScope', () => {
  it('grants what was asked within what was registered, in the matrix’s order', () => {
    expect(grantedScope(undefined, ['read', 'update'])).toEqual(['read', 'update']);
    expect(grantedScope('update read read', ['read', 'update'])).toEqual(['read', 'update']);
  });

  it.each(['delete', 'read delete', 'READ', 'constructor', '__proto__', '   '])(
    'refuses %j with invalid_scope',
    (scope) => {
      expect(errorOf(() => grantedScope(scope, ['read', 'update']))).toMatchObject({
        status: 400,
        error: 'invalid_scope',
      });
    },
  );
});
