import { describe, expect, it } from 'vitest';
import { describeFailures, gradeVariant } from './grade-helpers.js';

describe('exercise 6: roles guard in a real Nest app', () => {
  it('fails the starter, which lets everyone in', async () => {
    const grade = await gradeVariant(6, 'starter');
    expect(grade.failedBehaviours).toContain('a route with no @Roles: 403 even for admin');
  });

  it('passes the reference solution', async () => {
    const grade = await gradeVariant(6, 'solution');
    expect(describeFailures(grade.failed)).toBe('');
  });

  it('fails a guard that allows a route declaring no role', async () => {
    const grade = await gradeVariant(6, '06-allows-undeclared.ts');
    expect(grade.failedBehaviours).toEqual(['a route with no @Roles: 403 even for admin']);
    expect(grade.failed[0]?.reason).toBe(
      'GET /undeclared as "admin" answered 200, expected 403 — OWASP Authorization Cheat Sheet: deny by default — a route that states no rule is closed',
    );
  });

  it('fails a guard that matches roles as substrings', async () => {
    const grade = await gradeVariant(6, '06-substring-match.ts');
    expect(grade.failedBehaviours).toEqual([`@Roles(['admin']): role "adm" gets 403`]);
  });
});
