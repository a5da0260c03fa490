import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/** What the learner's last grade of each exercise was, kept in exercises/results.json (git-ignored). */
export interface RememberedResult {
  passed: number;
  total: number;
  complete: boolean;
  gradedAt: string;
}

export type Results = Record<string, RememberedResult>;

export function readResults(path: string): Results {
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Results;
  } catch {
    return {};
  }
}

export function rememberResult(path: string, exerciseNumber: number, result: RememberedResult) {
  const results = readResults(path);
  results[String(exerciseNumber)] = result;
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`);
}
