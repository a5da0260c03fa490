import { describe, expect, it } from 'vitest';
import { explainCookie, parseSetCookie } from './set-cookie';

function labels(line: string) {
  const parsed = parseSetCookie(line);
  if ('problem' in parsed) throw new Error(parsed.problem);
  return explainCookie(parsed).map((fact) => `${fact.label}:${fact.tone}`);
}

describe('parseSetCookie', () => {
  it('splits name, value and attributes, flags as true', () => {
    expect(
      parseSetCookie(
        'Set-Cookie: authlab_access=eyJ.a.b; Path=/; Max-Age=900; HttpOnly; SameSite=Strict',
      ),
    ).toEqual({
      name: 'authlab_access',
      value: 'eyJ.a.b',
      attributes: { Path: '/', 'Max-Age': '900', HttpOnly: true, SameSite: 'Strict' },
    });
  });

  it('refuses a line without name=value', () => {
    expect(parseSetCookie('HttpOnly; Secure')).toEqual({
      problem: 'A Set-Cookie header starts with name=value.',
    });
  });
});

describe('explainCookie', () => {
  it('explains every attribute of the API’s HTTPS access cookie, all protective', () => {
    expect(
      labels('__Host-authlab_access=x; Path=/; Max-Age=900; HttpOnly; Secure; SameSite=Strict'),
    ).toEqual([
      'prefix __Host-:good',
      'HttpOnly:good',
      'Secure:good',
      'SameSite=Strict:good',
      'Path=/:info',
      'Max-Age=900:info',
    ]);
  });

  it('says what is missing from a bare cookie', () => {
    expect(labels('id=1')).toEqual([
      'no HttpOnly:caution',
      'no Secure:caution',
      'no SameSite:caution',
      'no Path:info',
      'no Max-Age or Expires:info',
    ]);
  });

  it('warns when a __Host- cookie breaks the prefix rules, and about Domain and SameSite=None', () => {
    const facts = labels('__Host-x=1; Path=/app; Domain=example.com; SameSite=None');
    expect(facts).toContain('prefix __Host-:caution');
    expect(facts).toContain('Domain=example.com:caution');
    expect(facts).toContain('SameSite=None:caution');
  });

  it('explains Max-Age=0 as deletion (sign-out)', () => {
    const parsed = parseSetCookie('authlab_access=; Path=/; Max-Age=0');
    if ('problem' in parsed) throw new Error(parsed.problem);
    expect(explainCookie(parsed).find((fact) => fact.label === 'Max-Age=0')?.text).toContain(
      'deletes the cookie now',
    );
  });
});
