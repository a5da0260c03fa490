import path from 'node:path';
import { EXERCISES, type Exercise } from '../src/catalogue.js';
import type { Check } from '../src/grading/check.js';
import { gradeFile } from '../src/grading/grade-file.js';

const packageDir = path.resolve(import.meta.dirname, '..');

export function exercise(number: number): Exercise {
  const found = EXERCISES.find((candidate) => candidate.number === number);
  if (!found) throw new Error(`no exercise ${number}`);
  return found;
}

/** Grades the starter, the reference solution, or a near miss from test/near-misses/. */
export async function gradeVariant(number: number, variant: string) {
  const entry = exercise(number);
  const file =
    variant === 'starter' || variant === 'solution'
      ? path.join(packageDir, entry.slug, variant, entry.file)
      : path.join(packageDir, 'test', 'near-misses', variant);
  const grade = await gradeFile(entry, file);
  const failed = grade.checks.filter((check) => !check.passed);
  return { ...grade, failed, failedBehaviours: failed.map((check) => check.behaviour) };
}

export const describeFailures = (failed: Check[]) =>
  failed.map((check) => `${check.behaviour}: ${check.reason}`).join('\n');
