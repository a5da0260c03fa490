import { describe, expect, it } from 'vitest';
import { describeFailures, gradeVariant } from './grade-helpers.js';

describe('exercise 2: bearer-token extractor', () => {
  it('fails the starter', async () => {
    const grade = await gradeVariant(2, 'starter');
    expect(grade.failed.length).toBeGreaterThan(0);
  });

  it('passes the reference solution', async () => {
    const grade = await gradeVariant(2, 'solution');
    expect(describeFailures(grade.failed)).toBe('');
  });

  it('fails an extractor that trusts req.headers: duplicate headers and query tokens slip through', async () => {
    const grade = await gradeVariant(2, '02-trusts-req-headers.ts');
    expect(grade.failedBehaviours).toEqual([
      'refuses two Authorization headers',
      'refuses a token in the query string (?access_token=)',
      'refuses a header token and a query token together',
    ]);
    expect(grade.failed[0]?.reason).toContain("Node's req.headers silently keeps the first");
  });
});
