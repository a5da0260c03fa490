import type { LoadJob } from '../load/load-job.js';
import { runLoad } from '../load/run-load.js';
import type { BenchOptions } from '../options.js';
import type { ServerProcess } from '../processes/server-process.js';

export interface MemoryResult {
  requestsFirst: number;
  requestsTotal: number;
  /** Bytes, read inside the API process after each batch. */
  rssFirst: number;
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
 * RSS of a fresh, traced API after `memoryFirst` protected requests and after `memoryTotal`.
 * Traces are kept in a bounded ring buffer, so after the first thousand the memory should
 * level off: growth beyond that is a leak (or a cache without a bound). Both readings follow a
 * full garbage collection, so garbage not yet collected is not counted as growth.
 */
export async function measureMemory(api: ServerProcess, job: Omit<LoadJob, 'amount' | 'seconds'>, options: BenchOptions): Promise<MemoryResult> {
  const first = await runLoad({ ...job, amount: options.memoryFirst });
  const atFirst = await api.ask<Snapshot>({ type: 'snapshot', gc: true });
  const rest = await runLoad({ ...job, amount: options.memoryTotal - options.memoryFirst });
  const atTotal = await api.ask<Snapshot>({ type: 'snapshot', gc: true });
  const statusCodes: Record<string, number> = { ...first.statusCodes };
  for (const [code, count] of Object.entries(rest.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  return {
    requestsFirst: first.responses,
    requestsTotal: first.responses + rest.responses,
    rssFirst: atFirst.memory.rss,
    rssTotal: atTotal.memory.rss,
    heapUsedFirst: atFirst.memory.heapUsed,
    heapUsedTotal: atTotal.memory.heapUsed,
    heapReservedFirst: sum(Object.values(atFirst.heapSpaces)),
    heapReservedTotal: sum(Object.values(atTotal.heapSpaces)),
    newSpaceFirst: atFirst.heapSpaces.new_space ?? 0,
    newSpaceTotal: atTotal.heapSpaces.new_space ?? 0,
    statusCodes,
  };
}
