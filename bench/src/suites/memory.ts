import type { LoadJob } from '../load/load-job.js';
import { runLoad } from '../load/run-load.js';
import type { BenchOptions } from '../options.js';
import type { ServerProcess } from '../processes/server-process.js';

export interface MemoryResult {
  requestsFirst: number;
  /** Where the runtime has warmed up: growth from here to the end is what a leak would show. */
  requestsWarm: number;
  requestsTotal: number;
  /** Bytes, read inside the API process after each batch. */
  rssFirst: number;
  rssWarm: number;
  rssTotal: number;
  heapUsedFirst: number;
  heapUsedTotal: number;
  /** Bytes V8 had reserved for its heap (all spaces) at each reading: the part of RSS that is the heap's. */
  heapReservedFirst: number;
  heapReservedTotal: number;
  /** Of that, the young generation (new space), which V8 grows under a high allocation rate. */
  newSpaceFirst: number;
  newSpaceTotal: number;
  statusCodes: Record<string, number>;
}

interface Snapshot {
  memory: NodeJS.MemoryUsage;
  /** Bytes reserved per V8 heap space: new_space, old_space, code_space… */
  heapSpaces: Record<string, number>;
}

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

/**
 * RSS of a fresh, traced API after `memoryFirst` protected requests, after `memoryWarm` and after
 * `memoryTotal`. Traces are kept in a bounded ring buffer, so after the first thousand the memory
 * should level off: growth beyond that is a leak (or a cache without a bound). The middle reading
 * tells a warm-up (the runtime growing its reservations once) from growth that goes on. Every
 * reading follows a full garbage collection, so garbage not yet collected is not counted.
 */
export async function measureMemory(api: ServerProcess, job: Omit<LoadJob, 'amount' | 'seconds'>, options: BenchOptions): Promise<MemoryResult> {
  const batches = [options.memoryFirst, options.memoryWarm - options.memoryFirst, options.memoryTotal - options.memoryWarm];
  const statusCodes: Record<string, number> = {};
  const readings: Array<{ requests: number; snapshot: Snapshot }> = [];
  let requests = 0;
  for (const amount of batches) {
    const result = await runLoad({ ...job, amount });
    requests += result.responses;
    for (const [code, count] of Object.entries(result.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
    readings.push({ requests, snapshot: await api.ask<Snapshot>({ type: 'snapshot', gc: true }) });
  }
  const [atFirst, atWarm, atTotal] = readings as [(typeof readings)[number], (typeof readings)[number], (typeof readings)[number]];
  return {
    requestsFirst: atFirst.requests,
    requestsWarm: atWarm.requests,
    requestsTotal: atTotal.requests,
    rssFirst: atFirst.snapshot.memory.rss,
    rssWarm: atWarm.snapshot.memory.rss,
    rssTotal: atTotal.snapshot.memory.rss,
    heapUsedFirst: atFirst.snapshot.memory.heapUsed,
    heapUsedTotal: atTotal.snapshot.memory.heapUsed,
    heapReservedFirst: sum(Object.values(atFirst.snapshot.heapSpaces)),
    heapReservedTotal: sum(Object.values(atTotal.snapshot.heapSpaces)),
    newSpaceFirst: atFirst.snapshot.heapSpaces.new_space ?? 0,
    newSpaceTotal: atTotal.snapshot.heapSpaces.new_space ?? 0,
    statusCodes,
  };
}
