import { describe, expect, it } from 'vitest';
import { tokenWarnings } from './token-warnings';

const NOW = 1_764_268_320;
const GOOD_HEADER = { alg: 'HS256', typ: 'at+jwt', kid: 'k' };
const GOOD_PAYLOAD = { sub: '3', role: 'writer', iat: NOW, exp: NOW + 900 };

function ids(header: Record<string, unknown>, payload: Record<string, unknown>) {
  return tokenWarnings(header, payload, NOW).map((warning) => warning.id);
}

describe('tokenWarnings', () => {
  it('has nothing to say about a token like the API issues', () => {
    expect(ids(GOOD_HEADER, GOOD_PAYLOAD)).toEqual([]);
  });

  it('flags alg none, missing exp and key-choosing header fields as dangers', () => {
    const warnings = tokenWarnings(
      { alg: 'none', jku: 'https://evil.example/jwks', x5u: 'u', jwk: {}, typ: 'at+jwt' },
      { sub: '3' },
      NOW,
    );
    expect(
      warnings.filter((warning) => warning.level === 'danger').map((warning) => warning.id),
    ).toEqual(['alg-none', 'header-jku', 'header-x5u', 'header-jwk', 'no-exp']);
  });

  it('flags a lifetime over an hour, counted from iat', () => {
    const [warning] = tokenWarnings(GOOD_HEADER, { ...GOOD_PAYLOAD, exp: NOW + 7200 }, NOW);
    expect(warning).toMatchObject({ id: 'long-lifetime', level: 'caution' });
    expect(warning?.text).toContain('2 h');
  });

  it('flags personal data by claim name and by an e-mail address in any value', () => {
    const warning = tokenWarnings(
      GOOD_HEADER,
      { ...GOOD_PAYLOAD, email: 'a@b.example', note: 'write to c@d.example' },
      NOW,
    )[0];
    expect(warning?.id).toBe('personal-data');
    expect(warning?.text).toContain('email, note');
  });

  it('notices a typ that is not at+jwt and an nbf in the future', () => {
    expect(ids({ ...GOOD_HEADER, typ: 'JWT' }, { ...GOOD_PAYLOAD, nbf: NOW + 60 })).toEqual([
      'typ',
      'nbf',
    ]);
  });
});
