import { describe, expect, it } from 'vitest';
import { formatResultCode, parseResultCode } from './exercises.js';

describe('exercise result codes', () => {
  const result = { exercise: 6, passed: 17, total: 19, gradedAt: '2026-11-29T17:40Z' };

  it('reads back what the grader wrote', () => {
    const code = formatResultCode(result);
    expect(code).toMatch(/^authlab-exercise-6-17of19-20261129T1740Z-[0-9a-f]{8}$/);
    expect(parseResultCode(`  ${code}\n`)).toEqual(result);
  });

  it('refuses a code whose count was edited by hand', () => {
    const code = formatResultCode(result).replace('17of19', '19of19');
    expect(parseResultCode(code)).toBeUndefined();
  });

  it('refuses an exercise that does not exist and more passes than behaviours', () => {
    expect(parseResultCode(formatResultCode({ ...result, exercise: 42 }))).toBeUndefined();
    expect(parseResultCode(formatResultCode({ ...result, passed: 20 }))).toBeUndefined();
    expect(parseResultCode('not a code')).toBeUndefined();
  });
});
