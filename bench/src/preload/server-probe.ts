/**
 * Loaded into a server with `node --import server-probe.js`: it measures from inside the server
 * process without any change to the server's code. It answers the bench over the IPC channel:
 *   snapshot → event-loop delay since the last snapshot (then resets it), memory usage and the
 *              size V8 has reserved for each heap space (after a full garbage collection if
 *              `gc` is set);
 *   cpu      → CPU time the process has used so far: per request, it is a cost that other
 *              processes on a busy machine inflate much less than wall-clock throughput;
 *   argon2   → times argon2id verifications here, in the server's own process and thread pool,
 *              so the login p50 can be compared with the bare KDF on equal terms;
 *   profile  → starts, or stops and saves, a V8 CPU profile (what `node --cpu-prof` records, but
 *              only for the window asked for: no start-up, no warm-up).
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// A full collection before reading memory, when asked, so that what is measured is what is kept.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

// A 1 ms sampling timer: the delay of each tick past its due time is what a request would wait.
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();

const toMs = (ns: number) => ns / 1e6;

interface Argon2Request {
  type: 'argon2';
  count: number;
  password: string;
  hash: string;
}

async function timeArgon2(request: Argon2Request): Promise<number[]> {
  const { default: argon2 } = await import('argon2');
  await argon2.verify(request.hash, request.password); // loads the module's native code; not timed
  const times: number[] = [];
  for (let index = 0; index < request.count; index += 1) {
    const start = performance.now();
    await argon2.verify(request.hash, request.password);
    times.push(performance.now() - start);
  }
  return times;
}

interface ProfileRequest {
  type: 'profile';
  action: 'start' | 'stop';
  /** Where to save the .cpuprofile, on stop. */
  file?: string;
}

let session: Session | undefined;

async function profile(request: ProfileRequest): Promise<void> {
  if (request.action === 'start') {
    session = new Session();
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
    return;
  }
  const { profile: recorded } = await session!.post('Profiler.stop');
  writeFileSync(request.file!, JSON.stringify(recorded));
  session!.disconnect();
}

/** What V8 has reserved for each heap space (bytes): RSS can grow here while the heap in use does not. */
function heapSpaces(): Record<string, number> {
  return Object.fromEntries(
    getHeapSpaceStatistics().map((space) => [space.space_name, space.space_size]),
  );
}

if (process.send) {
  process.on('message', (message: { type: string; gc?: boolean }) => {
    if (message.type === 'snapshot') {
      if (message.gc) collectGarbage();
      const eventLoopDelay = {
        p50: toMs(delay.percentile(50)),
        p99: toMs(delay.percentile(99)),
        max: toMs(delay.max),
        mean: toMs(delay.mean),
      };
      delay.reset();
      process.send!({
        type: 'snapshot',
        eventLoopDelay,
        memory: process.memoryUsage(),
        heapSpaces: heapSpaces(),
      });
    } else if (message.type === 'cpu') {
      process.send!({ type: 'cpu', ...process.cpuUsage() });
    } else if (message.type === 'argon2') {
      void timeArgon2(message as Argon2Request).then((timesMs) =>
        process.send!({ type: 'argon2', timesMs }),
      );
    } else if (message.type === 'profile') {
      void profile(message as ProfileRequest).then(() => process.send!({ type: 'profile' }));
    }
  });
  // The channel must not keep the server alive once it has been told to stop.
  process.channel?.unref();
}
