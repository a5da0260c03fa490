import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/ itself: this file is compiled to bench/dist/src/paths.js. */
export const BENCH_DIR = fileURLToPath(new URL('../../', import.meta.url));
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
export const DIST_DIR = path.join(BENCH_DIR, 'dist');

/** Committed results (full runs) and scratch files (never committed: see .gitignore). */
export const RESULTS_DIR = path.join(BENCH_DIR, 'results');
export const TMP_DIR = path.join(RESULTS_DIR, 'tmp');

/** The API is run as a process, as in production: its built entry point. */
export const API_MAIN = path.join(REPO_ROOT, 'apps/api/dist/main.js');
export const PLAYGROUND_DIST = path.join(REPO_ROOT, 'apps/playground/dist');

export const SERVER_PROBE = path.join(DIST_DIR, 'src/preload/server-probe.js');
export const BASELINES_DIR = path.join(DIST_DIR, 'baselines');
