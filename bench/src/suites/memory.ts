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
  statusCodes: Record<string, number>;
}

/**
 * RSS of a fresh, traced API after `memoryFirst` protected requests and after `memoryTotal`.
 * Traces are kept in a bounded ring buffer, so after the first thousand the memory should
 * level off: growth beyond that is a leak (or a cache without a bound). Both readings follow a
 * full garbage collection, so garbage not yet collected is not counted as growth.
 */
export async function measureMemory(api: ServerProcess, job: Omit<LoadJob, 'amount' | 'seconds'>, options: BenchOptions): Promise<MemoryResult> {
  const first = await runLoad({ ...job, amount: options.memoryFirst });
  const atFirst = await api.ask<{ memory: NodeJS.MemoryUsage }>({ type: 'snapshot', gc: true });
  const rest = await runLoad({ ...job, amount: options.memoryTotal - options.memoryFirst });
  const atTotal = await api.ask<{ memory: NodeJS.MemoryUsage }>({ type: 'snapshot', gc: true });
  const statusCodes: Record<string, number> = { ...first.statusCodes };
  for (const [code, count] of Object.entries(rest.statusCodes)) statusCodes[code] = (statusCodes[code] ?? 0) + count;
  return {
    requestsFirst: first.responses,
    requestsTotal: first.responses + rest.responses,
    rssFirst: atFirst.memory.rss,
    rssTotal: atTotal.memory.rss,
    heapUsedFirst: atFirst.memory.heapUsed,
    heapUsedTotal: atTotal.memory.heapUsed,
    statusCodes,
  };
}
