import { describe, expect, it } from 'vitest';
import { describeFailures, gradeVariant } from './grade-helpers.js';

describe('exercise 4: strict JWT verification policy', () => {
  it('fails the starter, which decodes without verifying', async () => {
    const grade = await gradeVariant(4, 'starter');
    expect(grade.summary).toMatch(/^Refuses \d+ of 32 forged or malformed tokens\.$/);
    expect(grade.failedBehaviours).toContain('refuses: alg "none", no signature');
  });

  it('passes the reference solution: refuses all 32 and accepts the three good tokens', async () => {
    const grade = await gradeVariant(4, 'solution');
    expect(describeFailures(grade.failed)).toBe('');
    expect(grade.summary).toBe('Refuses 32 of 32 forged or malformed tokens.');
  });

  it('fails a verifier that trusts the header alg, on alg none and algorithm confusion', async () => {
    const grade = await gradeVariant(4, '04-trusts-header-alg.ts');
    expect(grade.summary).toBe('Refuses 29 of 32 forged or malformed tokens.');
    expect(grade.failedBehaviours).toEqual([
      'refuses: alg "none", no signature',
      'refuses: alg "nOnE" (a case trick), no signature',
      'refuses: HS256 signed with the public key as the HMAC secret',
    ]);
    expect(grade.failed[2]?.reason).toContain('algorithm confusion (RFC 8725 §2.1)');
  });

  it('fails jsonwebtoken with only alg/iss/aud pinned, explaining each header and claim it let through', async () => {
    const grade = await gradeVariant(4, '04-jsonwebtoken-pins-only.ts');
    expect(grade.failedBehaviours).toEqual(
      expect.arrayContaining([
        'refuses: crit naming an extension this API does not understand',
        'refuses: typ "JWT" (an ID token or another kind of JWT)',
        'refuses: no exp (a token that never expires)',
        'refuses: iat one hour in the future',
        'refuses: kid of a key this API does not have',
      ]),
    );
    const crit = grade.failed.find((check) => check.behaviour.includes('crit naming'));
    expect(crit?.reason).toContain('RFC 7515 §4.1.11');
  });
});
