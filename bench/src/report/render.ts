import { growthAtRest, type MemoryReading, type MemoryResult } from '../suites/memory.js';
import type { BenchResults } from './results.js';
import { describeGoal, describeMeasured } from './targets.js';
import { textTable } from './text-table.js';

const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(value < 10 ? 2 : 1) : '—');
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const MB = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '—');

/** The throughput table: one row per scenario, medians over the rounds. */
export function throughputTable(results: BenchResults): string {
  return textTable(
    ['Scenario', 'Route', 'req/s (median)', 'min–max', 'p50 ms', 'p99 ms', 'server CPU µs/req'],
    results.throughput.scenarios.map((scenario) => [
      scenario.label +
        (scenario.unexpected > 0.001
          ? ` (!${(scenario.unexpected * 100).toFixed(1)} % unexpected status)`
          : ''),
      scenario.path,
      Math.round(scenario.rps.median).toLocaleString('en-US'),
      `${Math.round(scenario.rps.min).toLocaleString('en-US')}–${Math.round(scenario.rps.max).toLocaleString('en-US')}`,
      ms(scenario.p50),
      ms(scenario.p99),
      Math.round(scenario.cpuMicros.median).toLocaleString('en-US'),
    ]),
  );
}

export function ratioTable(results: BenchResults): string {
  return textTable(
    [
      'Ratio (paired per round)',
      'req/s ratio',
      'min–max',
      'p99 ratio',
      'by server CPU/req',
      'min–max',
    ],
    results.throughput.ratios.map((ratio) => [
      ratio.label,
      times(ratio.rps.median),
      `${times(ratio.rps.min)}–${times(ratio.rps.max)}`,
      times(ratio.p99.median),
      times(ratio.cpu.median),
      `${times(ratio.cpu.min)}–${times(ratio.cpu.max)}`,
    ]),
  );
}

const count = (requests: number) => requests.toLocaleString('en-US');

/** RSS, heap used and heap reserved at each reading, as the load ends and at rest, for one memory run. */
function memoryRows(memory: MemoryResult, which: string): string[][] {
  const moments = memory.loaded.map((reading) => count(reading.requests)).join(' / ');
  const series = (readings: MemoryReading[], pick: (reading: MemoryReading) => number) =>
    readings.map((reading) => MB(pick(reading))).join(' / ');
  const growth = growthAtRest(memory);
  return [
    [
      `${which}: RSS after ${moments} requests, as the load ends`,
      series(memory.loaded, (reading) => reading.rss),
    ],
    [
      `${which}: … heap used / reserved by V8 (of it new space)`,
      memory.loaded
        .map(
          (reading) =>
            `${MB(reading.heapUsed)} / ${MB(reading.heapReserved)} (${MB(reading.newSpace)})`,
        )
        .join(', '),
    ],
    [
      `${which}: RSS at rest (after ${memory.quietSeconds} s without a request)`,
      series(memory.atRest, (reading) => reading.rss),
    ],
    [
      `${which}: … heap used / reserved by V8 at rest`,
      memory.atRest
        .map((reading) => `${MB(reading.heapUsed)} / ${MB(reading.heapReserved)}`)
        .join(', '),
    ],
    [
      `${which}: RSS growth at rest, ${count(growth.fromRequests)} → ${count(growth.toRequests)}`,
      MB(growth.bytes),
    ],
  ];
}

export function figuresTable(results: BenchResults): string {
  const { login, surge, memory, playground } = results;
  const rows: string[][] = [
    ['Sign-in p50 (HTTP, one at a time)', `${ms(login.loginP50)} ms`],
    ['argon2id verify p50, same process (m=19456 t=2 p=1)', `${ms(login.kdfP50)} ms`],
    [
      '… the same sign-ins inside the API (their traces), and in the handler alone',
      `${ms(login.insideApiP50)} ms, ${ms(login.handlerP50)} ms`,
    ],
    [`Public ${surge.publicPath} p99 at ${surge.rate} req/s, idle`, `${ms(surge.idleP99)} ms`],
    [
      `… during a sign-in surge (${surge.signInConnections} connections, ${surge.signInsPerSecond.toFixed(1)} sign-ins/s)`,
      `${ms(surge.surgeP99)} ms`,
    ],
    ['Event-loop delay p99 during the surge', `${ms(surge.eventLoopDelayP99)} ms`],
    [
      "Event-loop delay p99 while idle (the machine's own noise)",
      `${ms(surge.idleEventLoopDelayP99)} ms`,
    ],
    ...memoryRows(memory, 'Traced'),
    ...(results.memoryUntraced ? memoryRows(results.memoryUntraced, 'Tracing off') : []),
    ['Playground initial JS, gzip', kB(playground.app.jsGzip)],
    ['create-vite react-ts template initial JS, gzip', kB(playground.template.jsGzip)],
    ['Playground initial CSS, gzip', kB(playground.app.cssGzip)],
    ['Template initial CSS, gzip', kB(playground.template.cssGzip)],
  ];
  const pageLoad = playground.pageLoad?.medians;
  if (pageLoad) {
    for (const [name, timing] of Object.entries(pageLoad)) {
      rows.push([
        `${name}: first contentful paint / load event (median, cold)`,
        `${ms(timing.firstContentfulPaint)} / ${ms(timing.load)} ms`,
      ]);
    }
  }
  return textTable(['Figure', 'Value'], rows);
}

export function targetTable(results: BenchResults): string {
  return textTable(
    ['Target (issue 7)', 'Measured', 'Goal', 'Result'],
    results.targets.map((result) => [
      result.label,
      result.missingReason ? '—' : describeMeasured(result),
      describeGoal(result),
      result.missingReason
        ? `not measured: ${result.missingReason}`
        : result.met
          ? 'met'
          : 'MISSED',
    ]),
  );
}

function header(results: BenchResults): string {
  const { meta } = results;
  return [
    `authlab bench (${meta.mode}) — ${meta.date}, commit ${meta.commit}`,
    `Node ${meta.node}, ${meta.cores} × ${meta.cpu}; server and load generator ${meta.pinned ? 'pinned to separate cores (taskset)' : 'NOT pinned'}; ` +
      `load average ${meta.loadAverage.start.map((value) => value.toFixed(2)).join(' ')} at start, ${meta.loadAverage.end.map((value) => value.toFixed(2)).join(' ')} at end.`,
    `Throughput: ${meta.settings.connections} connections, no pipelining, ${meta.settings.tokens} distinct tokens rotated, ` +
      `${meta.settings.warmupSeconds} s warm-up discarded, ${meta.settings.rounds} interleaved rounds × ${meta.settings.seconds} s.`,
  ].join('\n');
}

/** What `npm run bench` prints. */
export function renderText(results: BenchResults): string {
  return [
    header(results),
    '',
    throughputTable(results),
    '',
    ratioTable(results),
    '',
    figuresTable(results),
    '',
    targetTable(results),
    ...(results.notes.length > 0 ? ['', ...results.notes.map((note) => `Note: ${note}`)] : []),
  ].join('\n');
}

/** bench/results/summary.md: the same tables, fenced, with the chart. */
export function renderMarkdown(results: BenchResults, chartFile: string): string {
  const fence = (text: string) => ['```', text, '```'].join('\n');
  return [
    '# authlab benchmarks',
    '',
    'Written by `npm run bench` (see [bench/README.md](../README.md) for what each figure means and how it is taken).',
    'Figures from a shared 2-core machine: compare ratios taken in the same run, not absolute numbers across runs.',
    '',
    fence(header(results)),
    '',
    `![Requests per second, median of rounds, with min–max](${chartFile})`,
    '',
    '## Targets',
    '',
    fence(targetTable(results)),
    '',
    '## Throughput',
    '',
    fence(throughputTable(results)),
    '',
    fence(ratioTable(results)),
    '',
    '## Sign-in, memory, playground',
    '',
    fence(figuresTable(results)),
    ...(results.notes.length > 0
      ? ['', '## Notes', '', ...results.notes.map((note) => `- ${note}`)]
      : []),
    '',
  ].join('\n');
}
