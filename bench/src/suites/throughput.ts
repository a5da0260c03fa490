import type { LoadJob, LoadResult } from '../load/load-job.js';
import { runLoad } from '../load/run-load.js';
import type { BenchOptions } from '../options.js';
import type { ServerProcess } from '../processes/server-process.js';
import { median, spread, type Spread } from '../report/stats.js';

/** A load run, and the CPU time the server spent on it per response. */
export interface MeasuredRun extends LoadResult {
  serverCpuMicros: number;
}

/** One row of the throughput table: a server, a route, and the credentials each request carries. */
export interface Scenario {
  id: string;
  label: string;
  /** The server that answers it. */
  server: ServerProcess;
  path: string;
  /** Rotated per request: the header name and a file with one value per line. */
  rotate?: LoadJob['rotate'];
  /** The status every response must have for the figures to mean anything. */
  expectedStatus: number;
}

export interface ScenarioResult {
  id: string;
  label: string;
  path: string;
  runs: MeasuredRun[];
  rps: Spread;
  /** Server CPU time per response (user + system), µs: less sensitive to other load than req/s. */
  cpuMicros: Spread;
  p50: number;
  p99: number;
  /** Share of responses that did not have the expected status (should be 0). */
  unexpected: number;
  statusCodes: Record<string, number>;
}

function job(scenario: Scenario, options: BenchOptions, seconds: number): LoadJob {
  return {
    url: scenario.server.origin + scenario.path,
    connections: options.connections,
    seconds,
    ...(scenario.rotate ? { rotate: scenario.rotate } : {}),
  };
}

/**
 * Warms every scenario up (thrown away), then runs `rounds` rounds. Each round runs every
 * scenario once, starting one further along each time, so no scenario always runs first or
 * right after a heavy one; ratios are then taken inside each round.
 */
export async function runThroughput(
  scenarios: Scenario[],
  options: BenchOptions,
  progress: (line: string) => void,
): Promise<ScenarioResult[]> {
  for (const scenario of scenarios) await runLoad(job(scenario, options, options.warmupSeconds));

  const runs = new Map<string, MeasuredRun[]>(scenarios.map((scenario) => [scenario.id, []]));
  for (let round = 0; round < options.rounds; round += 1) {
    const order = scenarios.map((_, index) => scenarios[(index + round) % scenarios.length]!);
    for (const scenario of order) runs.get(scenario.id)!.push(await measuredRun(scenario, options));
    progress(`  round ${round + 1}/${options.rounds} done`);
  }

  return scenarios.map((scenario) => {
    const results = runs.get(scenario.id)!;
    const statusCodes: Record<string, number> = {};
    for (const result of results) {
      for (const [code, count] of Object.entries(result.statusCodes))
        statusCodes[code] = (statusCodes[code] ?? 0) + count;
    }
    const total = Object.values(statusCodes).reduce((sum, count) => sum + count, 0);
    const expected = statusCodes[String(scenario.expectedStatus)] ?? 0;
    return {
      id: scenario.id,
      label: scenario.label,
      path: scenario.path,
      runs: results,
      rps: spread(results.map((result) => result.rps)),
      cpuMicros: spread(results.map((result) => result.serverCpuMicros)),
      p50: median(results.map((result) => result.latency.p50)),
      p99: median(results.map((result) => result.latency.p99)),
      unexpected: total === 0 ? 1 : 1 - expected / total,
      statusCodes,
    };
  });
}

type CpuUsage = { user: number; system: number };

async function measuredRun(scenario: Scenario, options: BenchOptions): Promise<MeasuredRun> {
  const before = await scenario.server.ask<CpuUsage>({ type: 'cpu' });
  const result = await runLoad(job(scenario, options, options.seconds));
  const after = await scenario.server.ask<CpuUsage>({ type: 'cpu' });
  const cpu = after.user + after.system - before.user - before.system;
  return { ...result, serverCpuMicros: cpu / Math.max(1, result.responses) };
}
