import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { build } from 'vite';

const require = createRequire(import.meta.url);

export interface TemplateBuild {
  distDir: string;
  versions: { createVite: string; vite: string; pluginReact: string; react: string };
}

/** The installed version of a package (some, like @vitejs/plugin-react, do not export package.json). */
function versionOf(name: string): string {
  for (
    let dir = path.dirname(require.resolve(name));
    dir !== path.dirname(dir);
    dir = path.dirname(dir)
  ) {
    const file = path.join(dir, 'package.json');
    if (!existsSync(file)) continue;
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; version: string };
    if (manifest.name === name) return manifest.version;
  }
  return 'unknown';
}

/**
 * Generates an untouched create-vite React + TypeScript app with the create-vite CLI (installed
 * from npm like every other dependency), then builds it with the workspace's own vite and
 * @vitejs/plugin-react, the versions the playground builds with. The folder lives under
 * bench/results/tmp so that bare imports (react, vite) resolve to the workspace's node_modules.
 */
export async function buildViteTemplate(workDir: string): Promise<TemplateBuild> {
  const appDir = path.join(workDir, 'vite-react-template');
  rmSync(appDir, { recursive: true, force: true });
  const createVite = path.join(
    path.dirname(require.resolve('create-vite/package.json')),
    'index.js',
  );
  // create-vite takes the folder relative to the working directory.
  execFileSync(
    process.execPath,
    [
      createVite,
      path.basename(appDir),
      '--template',
      'react-ts',
      '--no-interactive',
      '--no-immediate',
    ],
    {
      cwd: workDir,
      stdio: 'pipe',
    },
  );
  // vite build only: the template's `tsc -b` step type-checks and emits nothing the page loads.
  await build({ root: appDir, configFile: path.join(appDir, 'vite.config.ts'), logLevel: 'warn' });
  return {
    distDir: path.join(appDir, 'dist'),
    versions: {
      createVite: versionOf('create-vite'),
      vite: versionOf('vite'),
      pluginReact: versionOf('@vitejs/plugin-react'),
      react: versionOf('react'),
    },
  };
}
