import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT, TMP_DIR } from '../paths.js';

const git = (args: string[], cwd = REPO_ROOT) =>
  execFileSync('git', args, { cwd, encoding: 'utf8' }).trim();

export interface RevisionBuild {
  commit: string;
  /** The built API entry point of that revision. */
  apiMain: string;
  /** Removes the work tree again. */
  remove(): void;
}

/**
 * Checks `revision` out into a scratch work tree and builds its shared package and API with the
 * working tree's node_modules (its own `@authlab/shared` excepted): what differs is the code,
 * not the dependencies. A revision whose lock file differs is compared with today's packages.
 */
export function buildRevision(revision: string): RevisionBuild {
  const commit = git(['rev-parse', '--short', `${revision}^{commit}`]);
  const dir = path.join(TMP_DIR, 'compare', commit);
  if (existsSync(dir)) git(['worktree', 'remove', '--force', dir]);
  mkdirSync(path.dirname(dir), { recursive: true });
  git(['worktree', 'add', '--detach', dir, commit]);

  const modules = path.join(dir, 'node_modules');
  mkdirSync(path.join(modules, '@authlab'), { recursive: true });
  for (const entry of readdirSync(path.join(REPO_ROOT, 'node_modules'))) {
    if (entry !== '@authlab')
      symlinkSync(path.join(REPO_ROOT, 'node_modules', entry), path.join(modules, entry));
  }
  symlinkSync(path.join(dir, 'packages/shared'), path.join(modules, '@authlab/shared'));

  const tsc = path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc');
  for (const project of ['packages/shared/tsconfig.build.json', 'apps/api/tsconfig.build.json']) {
    execFileSync(process.execPath, [tsc, '-p', project], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  return {
    commit,
    apiMain: path.join(dir, 'apps/api/dist/main.js'),
    remove: () => {
      git(['worktree', 'remove', '--force', dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
