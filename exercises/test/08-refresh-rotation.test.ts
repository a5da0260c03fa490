import { describe, expect, it } from 'vitest';
import { describeFailures, gradeVariant } from './grade-helpers.js';

describe('exercise 8: refresh-token rotation with reuse detection', () => {
  it('fails the starter', async () => {
    const grade = await gradeVariant(8, 'starter');
    expect(grade.failedBehaviours).toContain('rotate() gives a new token for the same user');
  });

  it('passes the reference solution', async () => {
    const grade = await gradeVariant(8, 'solution');
    expect(describeFailures(grade.failed)).toBe('');
  });

  it('fails a rotation that reads, then deletes: the race lets both requests through', async () => {
    const grade = await gradeVariant(8, '08-read-then-write.ts');
    expect(grade.failedBehaviours).toEqual([
      'two concurrent rotations of one token: exactly one succeeds',
    ]);
    expect(grade.failed[0]?.reason).toContain('2 of 2 concurrent rotations succeeded');
  });
});
