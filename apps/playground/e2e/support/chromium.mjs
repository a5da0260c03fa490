// Where Chromium is, and whether the browser tests run without it. Shared by the e2e config, its
// global setup, the browser helpers and the screenshot script (plain JS: node runs the script).
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';

/** Headless Chromium as the tests and screenshots launch it. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const HOW_TO_ENABLE =
  "install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH to a Chromium executable";

function isExecutableFile(file) {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** CHROMIUM_PATH when set, else `chromium` on the PATH (Debian's package installs /usr/bin/chromium). */
export function chromiumPath(env = process.env) {
  if (env.CHROMIUM_PATH) return env.CHROMIUM_PATH;
  const onPath = (env.PATH ?? '')
    .split(path.delimiter)
    .filter(Boolean)
    .map((dir) => path.join(dir, 'chromium'))
    .find(isExecutableFile);
  return onPath ?? '/usr/bin/chromium';
}

function isCi(env) {
  return Boolean(env.CI) && env.CI !== 'false' && env.CI !== '0';
}

/**
 * Whether the browser tests run. Without Chromium they are skipped, with one line saying why,
 * so that a fresh clone's `npm test` runs every other suite; under CI, or when CHROMIUM_PATH asks
 * for a browser, they must run and `missing` says what to fix.
 * @returns {{ run: true, executable: string, missing?: string } | { run: false, reason: string }}
 */
export function browserTestPlan(env = process.env) {
  const executable = chromiumPath(env);
  if (isExecutableFile(executable)) return { run: true, executable };
  if (isCi(env) || env.CHROMIUM_PATH) {
    const why = env.CHROMIUM_PATH ? 'CHROMIUM_PATH is set' : 'CI is set';
    return {
      run: true,
      executable,
      missing: `The browser tests must run (${why}) but there is no Chromium at ${executable}: ${HOW_TO_ENABLE}.`,
    };
  }
  return {
    run: false,
    reason: `Browser tests skipped: no Chromium at ${executable}. To run them, ${HOW_TO_ENABLE}.`,
  };
}
