import { describe, expect, it } from 'vitest';
import { describeFailures, gradeVariant } from './grade-helpers.js';

describe('exercise 1: Express middleware', () => {
  it('fails the starter', async () => {
    const grade = await gradeVariant(1, 'starter');
    expect(grade.failed.length).toBeGreaterThan(0);
  });

  it('passes the reference solution', async () => {
    const grade = await gradeVariant(1, 'solution');
    expect(describeFailures(grade.failed)).toBe('');
  });

  it('fails a requireJson that answers 415 itself and a chain that runs it before requestId', async () => {
    const grade = await gradeVariant(1, '01-answers-itself.ts');
    const miss = grade.failed.find((check) => check.behaviour.includes('text/plain'));
    expect(miss?.reason).toContain(
      'answered 415 itself: pass an error with status 415 to next(error)',
    );
    expect(grade.failedBehaviours).toContain(
      'requestContext runs requestId first, so a 415 answer still carries the id',
    );
  });
});
