import { pathToFileURL } from 'node:url';
import type { Exercise } from '../catalogue.js';
import { describeError, fail, type Grade } from './check.js';

/** Imports a learner's (or the reference) file and grades it; a file that fails to load fails. */
export async function gradeFile(exercise: Exercise, path: string): Promise<Grade> {
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (error) {
    return { checks: [fail('the file loads', describeError(error))] };
  }
  const { grade } = await exercise.loadGrader();
  return grade(mod);
}
