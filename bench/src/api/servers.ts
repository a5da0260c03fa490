import { pathToFileURL } from 'node:url';
import { startServer, type ServerProcess } from '../processes/server-process.js';
import { API_MAIN, BASELINES_DIR, SERVER_PROBE, TMP_DIR } from '../paths.js';
import path from 'node:path';

const PROBE_ARGS = ['--import', pathToFileURL(SERVER_PROBE).href];

/**
 * The authlab API as a process, as `npm start` runs it (demo users seeded), on in-memory SQLite
 * so that disk speed is not what is measured. LOG_LEVEL=warn: one log line per request would
 * measure the terminal.
 */
export function startApi(
  name: string,
  env: Record<string, string>,
  script = API_MAIN,
): Promise<ServerProcess> {
  return startServer({
    name,
    script,
    args: ['--demo'],
    nodeArgs: PROBE_ARGS,
    env: {
      HOST: '127.0.0.1',
      PORT: '0',
      SQLITE_FILE: ':memory:',
      DATA_DIR: path.join(TMP_DIR, 'data'),
      LOG_LEVEL: 'warn',
      TRACING: 'on',
      ...env,
    },
  });
}

/** One of the baseline apps in bench/baselines. */
export function startBaseline(
  name: string,
  file: string,
  env: Record<string, string>,
): Promise<ServerProcess> {
  return startServer({
    name,
    script: path.join(BASELINES_DIR, file),
    nodeArgs: PROBE_ARGS,
    env: { HOST: '127.0.0.1', PORT: '0', ...env },
  });
}
