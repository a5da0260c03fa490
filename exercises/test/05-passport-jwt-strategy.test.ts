import { describe, expect, it } from 'vitest';
import { describeFailures, gradeVariant } from './grade-helpers.js';

describe('exercise 5: passport-jwt strategy in a real Nest app', () => {
  it('fails the starter', async () => {
    const grade = await gradeVariant(5, 'starter');
    expect(grade.failedBehaviours).toContain('a valid bearer token gets in (200)');
  });

  it('passes the reference solution', async () => {
    const grade = await gradeVariant(5, 'solution');
    expect(describeFailures(grade.failed)).toBe('');
  });

  it('fails a strategy that does not pin issuer and audience', async () => {
    const grade = await gradeVariant(5, '05-issuer-and-audience-not-pinned.ts');
    expect(grade.failedBehaviours).toEqual([
      'another issuer: 401',
      'another audience: 401',
      'no audience: 401',
    ]);
    expect(grade.failed[1]?.reason).toBe(
      "answered 200, expected 401 — RFC 7519 §4.1.3: pin audience: 'authlab-api', or a token for any of your services opens this one",
    );
  });
});
