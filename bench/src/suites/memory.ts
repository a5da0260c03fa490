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
   * The same three moments once the API has sat idle for `quietSeconds` and V8 has handed back
   * what it reserved for the load (see readAtRest): what the process keeps. A leak stays in these
   * readings; a reservation for a busy spell does not.
   */
  atRest: MemoryReading[];
  /** Seconds without a request before each reading at rest. */
  quietSeconds: number;
  statusCodes: Record<string, number>;
}

interface Snapshot {
  memory: NodeJS.MemoryUsage;
  /** Bytes reserved per V8 heap space: new_space, old_space, code_space… */
  heapSpaces: Record<string, number>;
}

/** RSS kept from the first reading at rest to the last: what the target judges. */
export function growthAtRest(memory: MemoryResult): {
  fromRequests: number;
  toRequests: number;
  bytes: number;
} {
  const first = memory.atRest[0]!;
  const last = memory.atRest[memory.atRest.length - 1]!;
  return { fromRequests: first.requests, toRequests: last.requests, bytes: last.rss - first.rss };
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
 * Reads memory once the idle API has handed back what it reserved for the load. V8 shrinks its
 * young generation at a full collection only when the recent allocation rate is low, so that
 * collection comes after `quietSeconds` without a request; the pages it frees go back to the
 * system in the background, which a second reading a second later sees.
 */
async function readAtRest(
  api: ServerProcess,
  requests: number,
  quietSeconds: number,
): Promise<MemoryReading> {
  await sleep(quietSeconds * 1000);
  await api.ask<Snapshot>({ type: 'snapshot', gc: true });
  await sleep(1000);
  return reading(requests, await api.ask<Snapshot>({ type: 'snapshot', gc: true }));
}

/**
 * Memory of a fresh API after `memoryFirst` protected requests, after `memoryWarm` and after
 * `memoryTotal`, each read twice: as the batch ends, and at rest. Traces are kept in a bounded
 * ring buffer, so after the first thousand the memory kept should level off: growth beyond that
 * is a leak (or a cache without a bound). Every reading follows a full garbage collection, so
 * garbage not yet collected is not counted.
 */
export async function measureMemory(
  api: ServerProcess,
  job: Omit<LoadJob, 'amount' | 'seconds'>,
  options: BenchOptions,
): Promise<MemoryResult> {
  const batches = [
    options.memoryFirst,
    options.memoryWarm - options.memoryFirst,
    options.memoryTotal - options.memoryWarm,
  ];
  const result: MemoryResult = {
    loaded: [],
    atRest: [],
    quietSeconds: options.restQuietSeconds,
    statusCodes: {},
  };
  let requests = 0;
  for (const amount of batches) {
    const load = await runLoad({ ...job, amount });
    requests += load.responses;
    for (const [code, count] of Object.entries(load.statusCodes))
      result.statusCodes[code] = (result.statusCodes[code] ?? 0) + count;
    result.loaded.push(reading(requests, await api.ask<Snapshot>({ type: 'snapshot', gc: true })));
    result.atRest.push(await readAtRest(api, requests, options.restQuietSeconds));
  }
  return result;
}
