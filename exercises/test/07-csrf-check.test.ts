import { describe, expect, it } from 'vitest';
import { describeFailures, gradeVariant } from './grade-helpers.js';

describe('exercise 7: CSRF check', () => {
  it('fails the starter', async () => {
    const grade = await gradeVariant(7, 'starter');
    expect(grade.failedBehaviours).toContain(
      'Sec-Fetch-Site: cross-site is refused, even with the token',
    );
  });

  it('passes the reference solution', async () => {
    const grade = await gradeVariant(7, 'solution');
    expect(describeFailures(grade.failed)).toBe('');
  });

  it('fails a plain, unsigned double-submit cookie', async () => {
    const grade = await gradeVariant(7, '07-plain-double-submit.ts');
    expect(grade.failedBehaviours).toEqual([
      'an attacker-chosen cookie/header pair (not signed) is refused',
      'a token signed for another session is refused',
      'a token signed with another secret is refused',
      'a tampered token is refused',
    ]);
    expect(grade.failed[0]?.reason).toContain('sign the token with HMAC');
  });
});
