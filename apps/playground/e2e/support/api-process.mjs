// Starts the real, built authlab API as a child process serving a fresh build of the playground.
// Shared by the browser end-to-end tests and the screenshot script (plain JS: both run it with node).
import { Buffer } from 'node:buffer';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const playgroundDir = path.resolve(here, '../..');
const apiDir = path.resolve(playgroundDir, '../api');
const apiMain = path.join(apiDir, 'dist/main.js');

/** The HS256 secret the test API signs with, so the tests can verify and forge like a learner. */
export const E2E_JWT_SECRET = Buffer.alloc(32, 42).toString('base64');

/** The API's own build: turbo builds it before these tests; a direct run builds it when missing. */
function ensureApiBuilt() {
  if (existsSync(apiMain)) return;
  const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], {
    cwd: apiDir,
    stdio: 'inherit',
  });
  if (result.status !== 0 || !existsSync(apiMain)) {
    throw new Error(
      `The API is not built (${apiMain}). Run "npm run build" at the repository root.`,
    );
  }
}

/** Builds the playground from its current sources into `outDir`, so the tests never see a stale dist/. */
async function buildPlayground(outDir) {
  const { build } = await import('vite');
  await build({ root: playgroundDir, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/**
 * Starts the API on a free loopback port with demo users and the lab (the lessons use both, and
 * the simulated clock moves only then), tracing on, SQLite in a temporary folder, and the
 * playground served from the same origin. Resolves once it listens.
 */
export async function startApi({ log = false } = {}) {
  ensureApiBuilt();
  const workDir = mkdtempSync(path.join(tmpdir(), 'authlab-playground-e2e-'));
  const staticDir = path.join(workDir, 'playground');
  await buildPlayground(staticDir);

  // A clean environment: no database or Redis URL from the caller leaks into the test API.
  const { DATABASE_URL: _db, REDIS_URL: _redis, PLAYGROUND_DIR: _pg, ...environment } = process.env;
  const child = spawn(process.execPath, [apiMain, '--demo', '--lab'], {
    cwd: apiDir,
    env: {
      ...environment,
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: path.join(workDir, 'data'),
      JWT_SECRET: E2E_JWT_SECRET,
      PLAYGROUND_DIR: staticDir,
      LOG_LEVEL: 'warn',
      TRACING: 'on',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let output = '';
  const origin = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`The API did not start within 60 s:\n${output}`)),
      60_000,
    );
    const onData = (chunk) => {
      output += chunk.toString();
      if (log) process.stderr.write(chunk);
      const match = /playground\s+(http:\/\/127\.0\.0\.1:\d+)\//.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The API exited with ${code} before listening:\n${output}`));
    });
  });

  return {
    origin,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}
