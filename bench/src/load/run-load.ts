import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { CLIENT_CORE, onCore } from '../processes/cores.js';
import type { LoadJob, LoadResult } from './load-job.js';

const CLIENT_SCRIPT = fileURLToPath(new URL('./load-client.js', import.meta.url));

type Reply = { id: number; result?: LoadResult; error?: string };

let client: ChildProcess | undefined;
let nextId = 0;
const pending = new Map<
  number,
  { resolve: (result: LoadResult) => void; reject: (error: Error) => void }
>();

/** The one load-generator process, started on the client core the first time it is needed. */
function loadClient(): ChildProcess {
  if (client) return client;
  const [command, args] = onCore(CLIENT_CORE, process.execPath, [CLIENT_SCRIPT]);
  const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  child.on('message', ({ id, result, error }: Reply) => {
    const waiting = pending.get(id);
    pending.delete(id);
    if (result) waiting?.resolve(result);
    else waiting?.reject(new Error(`Load client: ${error ?? 'no result'}`));
  });
  child.on('exit', (code) => {
    for (const waiting of pending.values())
      waiting.reject(new Error(`Load client exited (${code ?? 'signal'})`));
    pending.clear();
    client = undefined;
  });
  // The bench may end while the client idles; it must not keep the bench alive.
  child.unref();
  child.channel?.unref();
  client = child;
  return child;
}

/** Runs one load job in the load-generator process and waits for its result. */
export function runLoad(job: LoadJob): Promise<LoadResult> {
  const id = nextId++;
  const child = loadClient();
  // While a job runs, the channel must keep the bench waiting for the answer.
  child.channel?.ref();
  return new Promise<LoadResult>((resolve, reject) => {
    pending.set(id, { resolve, reject });
    child.send({ id, job });
  }).finally(() => {
    if (pending.size === 0) child.channel?.unref();
  });
}

/** Runs several load jobs at once, for example a sign-in surge beside a steady rate. */
export function runLoads(jobs: LoadJob[]): Promise<LoadResult[]> {
  return Promise.all(jobs.map(runLoad));
}

/** Ends the load generator. */
export function stopLoadClient(): void {
  client?.kill();
}
