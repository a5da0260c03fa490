import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseResultCode } from '@authlab/shared';
import { afterAll, describe, expect, it } from 'vitest';

const packageDir = path.resolve(import.meta.dirname, '..');
// Inside the package, so the learner's copy resolves express, jsonwebtoken… as a real one would.
mkdirSync(path.join(packageDir, 'test-results'), { recursive: true });
const home = mkdtempSync(path.join(packageDir, 'test-results', 'cli-home-'));

function exercise(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', './src/cli/register-typescript.mjs', 'src/cli/exercise.ts', ...args],
    { cwd: packageDir, env: { ...process.env, AUTHLAB_EXERCISES_HOME: home }, encoding: 'utf8' },
  );
  return { status: run.status, output: run.stdout + run.stderr };
}

afterAll(() => rmSync(home, { recursive: true, force: true }));

describe('npm run exercise', () => {
  it('copies the starter on first run, reports each failing behaviour with its lesson, exits 1, remembers it', () => {
    const run = exercise('8');
    expect(run.status).toBe(1);
    expect(run.output).toContain('Your file is exercises/test-results/');
    expect(run.output).toContain('✗ rotate() gives a new token for the same user');
    expect(run.output).toContain('lesson: docs/lessons/08-refresh-tokens-and-sign-out.md');
    const results = JSON.parse(readFileSync(path.join(home, 'results.json'), 'utf8'));
    expect(results['8']).toMatchObject({ complete: false });
    const code = /lesson refresh-tokens-and-sign-out: (\S+)/.exec(run.output)?.[1] ?? '';
    expect(parseResultCode(code)).toMatchObject({ exercise: 8, total: 10 });
    expect(parseResultCode(code)?.passed).toBe(results['8'].passed);
  });

  it('passes once the learner has written a correct file, and the list shows it done', () => {
    copyFileSync(
      path.join(packageDir, '08-refresh-rotation', 'solution', 'refresh-tokens.ts'),
      path.join(home, 'work', '08-refresh-rotation', 'refresh-tokens.ts'),
    );
    const run = exercise('8');
    expect(run.status).toBe(0);
    expect(run.output).toContain('All 10 behaviours pass.');
    expect(exercise().output).toContain(
      '8. Refresh-token rotation with reuse detection — done (10/10)',
    );
  });

  it('grades the reference solution with --solution, without recording it', () => {
    const run = exercise('4', '--solution');
    expect(run.status).toBe(0);
    expect(run.output).toContain('Refuses 32 of 32 forged or malformed tokens.');
    const results = JSON.parse(readFileSync(path.join(home, 'results.json'), 'utf8'));
    expect(results['4']).toBeUndefined();
  });

  it('refuses an exercise that does not exist', () => {
    const run = exercise('99');
    expect(run.status).toBe(2);
    expect(run.output).toContain('No exercise 99: choose 1 to 8.');
  });
});
