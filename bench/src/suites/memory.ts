import { setTimeout as sleep } from 'node:timers/promises';
import type { LoadJob } from '../load/load-job.js';
import { runLoad } from '../load/run-load.js';
import type { BenchOptions } from '../options.js';
import type { ServerProcess } from '../processes/server-process.js';

/** One look at the API process's memory, in bytes, read inside it. */
export interface MemoryReading {
  /** Protected requests answered so far. */
  requests: number;
  rss: number;
  heapUsed: number;
  /** What V8 had reserved for its heap (all spaces): the part of RSS that is the heap's. */
  heapReserved: number;
  /** Of that, the young generation (new space), which V8 grows under a high allocation rate. */
  newSpace: number;
}

export interface MemoryResult {
  /**
   * After `memoryFirst`, `memoryWarm` and `memoryTotal` requests, read as soon as each batch
   * ends (after a full collection): the process as it is while it serves.
   */
  loaded: MemoryReading[];
  /**
   * The same three moments once the API has sat idle long enough for V8's memory reducer to hand
   * back what it reserved for the load: what the process keeps. A leak stays in these readings;
   * a reservation for a busy spell does not.
   */
  atRest: MemoryReading[];
  /** How long each at-rest reading waited for the heap to settle. */
  restSeconds: number[];
  statusCodes: Record<string, number>;
}

interface Snapshot {
  memory: NodeJS.MemoryUsage;
  /** Bytes reserved per V8 heap space: new_space, old_space, code_space… */
  heapSpaces: Record<string, number>;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

function reading(requests: number, snapshot: Snapshot): MemoryReading {
  return {
    requests,
    rss: snapshot.memory.rss,
    heapUsed: snapshot.memory.heapUsed,
    heapReserved: sum(Object.values(snapshot.heapSpaces)),
    newSpace: snapshot.heapSpaces.new_space ?? 0,
  };
}

/**
 * Waits while the API is idle until V8 has shrunk its heap reservation below `loaded` and it has
 * stopped changing, then reads. V8's memory reducer starts about 8 s after the last full
 * collection; the polls themselves collect nothing, so they do not put it off.
 */
async function readAtRest(api: ServerProcess, loaded: MemoryReading, limitSeconds: number): Promise<{ reading: MemoryReading; seconds: number }> {
  const started = performance.now();
  let previous = loaded.heapReserved;
  while (performance.now() - started < limitSeconds * 1000) {
    await sleep(1000);
    const reserved = reading(loaded.requests, await api.ask<Snapshot>({ type: 'snapshot', gc: false })).heapReserved;
    if (reserved < loaded.heapReserved && reserved === previous) break;
    previous = reserved;
  }
  const seconds = (performance.now() - started) / 1000;
  return { reading: reading(loaded.requests, await api.ask<Snapshot>({ type: 'snapshot', gc: true })), seconds };
}

/**
 * Memory of a fresh API after `memoryFirst` protected requests, after `memoryWarm` and after
 * `memoryTotal`, each read twice: as the batch ends, and at rest. Traces are kept in a bounded
 * ring buffer, so after the first thousand the memory kept should level off: growth beyond that
 * is a leak (or a cache without a bound). Every reading follows a full garbage collection, so
 * garbage not yet collected is not counted.
 */
export async function measureMemory(api: ServerProcess, job: Omit<LoadJob, 'amount' | 'seconds'>, options: BenchOptions): Promise<MemoryResult> {
  const batches = [options.memoryFirst, options.memoryWarm - options.memoryFirst, options.memoryTotal - options.memoryWarm];
  const result: MemoryResult = { loaded: [], atRest: [], restSeconds: [], statusCodes: {} };
  let requests = 0;
  for (const amount of batches) {
    const load = await runLoad({ ...job, amount });
    requests += load.responses;
    for (const [code, count] of Object.entries(load.statusCodes)) result.statusCodes[code] = (result.statusCodes[code] ?? 0) + count;
    const loaded = reading(requests, await api.ask<Snapshot>({ type: 'snapshot', gc: true }));
    const rest = await readAtRest(api, loaded, options.restLimitSeconds);
    result.loaded.push(loaded);
    result.atRest.push(rest.reading);
    result.restSeconds.push(rest.seconds);
  }
  return result;
}
