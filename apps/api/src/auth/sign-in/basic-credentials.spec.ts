import { describe, expect, it } from 'vitest';
import { parseBasicHeader } from './basic-credentials.js';

function basic(userPass: string): string {
  return `Basic ${Buffer.from(userPass, 'utf8').toString('base64')}`;
}

describe('parseBasicHeader', () => {
  it.each([undefined, ''])('reports %j as absent', (header) => {
    expect(parseBasicHeader(header)).toEqual({ kind: 'absent' });
  });

  it.each(['Bearer abc.def.ghi', 'Digest username="alice"', 'Basically YWxpY2U6c2VjcmV0'])(
    'reports the other scheme %j as absent Basic credentials',
    (header) => {
      expect(parseBasicHeader(header)).toEqual({ kind: 'absent' });
    },
  );

  it('splits username and password at the first colon', () => {
    expect(parseBasicHeader(basic('alice:secret'))).toEqual({
      kind: 'credentials',
      username: 'alice',
      password: 'secret',
    });
  });

  it('keeps every later colon in the password', () => {
    expect(parseBasicHeader(basic('alice:pa:ss:word:'))).toEqual({
      kind: 'credentials',
      username: 'alice',
      password: 'pa:ss:word:',
    });
  });

  it('accepts an empty password', () => {
    expect(parseBasicHeader(basic('alice:'))).toEqual({
      kind: 'credentials',
      username: 'alice',
      password: '',
    });
  });

  it('decodes the credentials as UTF-8', () => {
    expect(parseBasicHeader(basic('józef:пароль🔑'))).toEqual({
      kind: 'credentials',
      username: 'józef',
      password: 'пароль🔑',
    });
  });

  it('accepts the scheme name in any case', () => {
    const encoded = Buffer.from('alice:secret').toString('base64');
    expect(parseBasicHeader(`bAsIc ${encoded}`)).toMatchObject({
      kind: 'credentials',
      username: 'alice',
    });
  });

  it('refuses decoded credentials without a colon', () => {
    expect(parseBasicHeader(basic('alice'))).toEqual({
      kind: 'malformed',
      reason: 'The Basic credentials need "username:password"',
    });
  });

  it.each([
    ['the scheme alone', 'Basic'],
    ['characters outside base64', 'Basic YWxp!2U6c2VjcmV0'],
    ['base64url instead of base64', `Basic ${Buffer.from('user?:>>>?').toString('base64url')}`],
    ['a length that is not a multiple of four', 'Basic YWxpY2U6c2VjcmV0Y'],
    ['padding in the middle', 'Basic YW=pY2U6c2VjcmV0'],
    ['a second value after the credentials', `${basic('alice:secret')} extra`],
  ])('refuses %s as invalid base64', (_case, header) => {
    expect(parseBasicHeader(header)).toEqual({
      kind: 'malformed',
      reason: 'The Basic credentials are not valid base64',
    });
  });
});
