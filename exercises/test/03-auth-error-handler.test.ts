import { describe, expect, it } from 'vitest';
import { describeFailures, gradeVariant } from './grade-helpers.js';

describe('exercise 3: RFC 6750 error handler', () => {
  it('fails the starter', async () => {
    const grade = await gradeVariant(3, 'starter');
    expect(grade.failed.length).toBeGreaterThan(0);
  });

  it('passes the reference solution', async () => {
    const grade = await gradeVariant(3, 'solution');
    expect(describeFailures(grade.failed)).toBe('');
  });

  it('fails a handler that answers 401 invalid_token for everything and leaks internal messages', async () => {
    const grade = await gradeVariant(3, '03-401-for-everything.ts');
    expect(grade.failedBehaviours).toEqual([
      'no credentials: 401 with a Bearer challenge and no error code',
      'malformed request: 400 with error="invalid_request"',
      'missing permission: 403 with error="insufficient_scope" and scope=',
      'an unknown error: 500, no challenge, no internal message or stack',
    ]);
    expect(grade.failed[0]?.reason).toContain('it carries error="invalid_token"');
    expect(grade.failed[2]?.reason).toContain('status 401, expected 403');
  });
});
