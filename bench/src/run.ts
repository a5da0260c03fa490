/**
 * `npm run bench [-- --quick] [--build | --no-build]`: measures the API and the playground beside their
 * alternatives, prints a table, and writes results.json, summary.md and throughput.svg to
 * bench/results (a --quick run writes to bench/results/tmp/quick instead: its figures are rougher
 * and are not meant to replace the committed ones).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  bearerRotation,
  startApiWithTokens,
  startFixtures,
  PROTECTED,
  PUBLIC_WITH_DB,
} from './fixtures.js';
import { newHmacKey } from './api/tokens.js';
import { stopLoadClient } from './load/run-load.js';
import { parseOptions } from './options.js';
import { API_MAIN, PLAYGROUND_DIST, REPO_ROOT, RESULTS_DIR, TMP_DIR } from './paths.js';
import { PINNED, pinSelfToClientCore } from './processes/cores.js';
import { renderMarkdown, renderText } from './report/render.js';
import type { BenchResults, Ratio } from './report/results.js';
import { pairedRatios } from './report/stats.js';
import { barChart } from './report/svg-chart.js';
import { buildTargets } from './report/build-targets.js';
import { measureBundle } from './suites/bundle-size.js';
import { measureMemory } from './suites/memory.js';
import { measurePageLoads } from './suites/page-load.js';
import { measureLogin, measureSurge } from './suites/sign-in.js';
import { runThroughput, type ScenarioResult } from './suites/throughput.js';
import { buildViteTemplate } from './suites/vite-template.js';

const options = parseOptions(process.argv.slice(2));
const started = performance.now();
const loadAtStart = loadavg();
const log = (line: string) => process.stderr.write(`${line}\n`);
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

rmSync(TMP_DIR, { recursive: true, force: true });
mkdirSync(TMP_DIR, { recursive: true });

const missingBuild = !existsSync(API_MAIN) || !existsSync(path.join(PLAYGROUND_DIST, 'index.html'));
if (options.build === true || (options.build === 'if-missing' && missingBuild)) {
  log('Building the API and the playground (turbo; cached when unchanged)…');
  execFileSync(
    'npx',
    [
      'turbo',
      'run',
      'build',
      '--filter=@authlab/api',
      '--filter=@authlab/playground',
      '--output-logs=errors-only',
    ],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
} else if (options.build === 'if-missing') {
  log('Using the existing builds of the API and the playground (--build rebuilds them first).');
}

pinSelfToClientCore();
log(
  `Starting servers (${PINNED ? 'pinned: server core 0, load generator core 1' : 'not pinned: no taskset or one core'})…`,
);
const fixtures = await startFixtures(options.tokens);
let results: BenchResults;
try {
  log(
    `Throughput: ${fixtures.scenarios.length} scenarios × ${options.rounds} rounds × ${options.seconds} s (${elapsed()})`,
  );
  const scenarios = await runThroughput(fixtures.scenarios, options, log);
  for (const server of fixtures.servers) if (server !== fixtures.traced) await server.stop();

  log(`Sign-in: login p50 versus bare argon2id, then a sign-in surge (${elapsed()})`);
  const login = await measureLogin(fixtures.traced, options);
  const surge = await measureSurge(fixtures.traced, PUBLIC_WITH_DB, options);
  await fixtures.traced.stop();

  log(
    `Memory: ${options.memoryUntraced ? 'fresh APIs, traced then untraced' : 'a fresh traced API'}, ${options.memoryTotal.toLocaleString('en-US')} protected requests each (${elapsed()})`,
  );
  const memory = await memoryRun('on');
  // The same run with tracing off tells what the trace store adds and what the runtime does anyway.
  const memoryUntraced = options.memoryUntraced ? await memoryRun('off') : undefined;

  log(
    `Playground: bundle sizes against a fresh create-vite template, page loads in Chromium (${elapsed()})`,
  );
  const template = await buildViteTemplate(TMP_DIR);
  const app = measureBundle(PLAYGROUND_DIST);
  const templateSize = measureBundle(template.distDir);
  const pageLoad = await measurePageLoads(
    { playground: PLAYGROUND_DIST, 'vite template': template.distDir },
    options.pageLoads,
  );

  const measured = {
    throughput: { scenarios, ratios: computeRatios(scenarios) },
    login,
    surge: {
      ...surge,
      publicPath: PUBLIC_WITH_DB,
      rate: options.surgeRate,
      signInConnections: options.surgeConnections,
    },
    memory,
    ...(memoryUntraced ? { memoryUntraced } : {}),
    playground: {
      app,
      template: templateSize,
      versions: template.versions,
      ...(pageLoad ? { pageLoad } : {}),
    },
  };
  const notes = [...fixtures.notes];
  if (!pageLoad)
    notes.push('Page load left out: no Chromium at /usr/bin/chromium (set CHROMIUM_PATH).');
  results = { meta: runMeta(), ...measured, targets: buildTargets(measured), notes };
} finally {
  for (const server of fixtures.servers) await server.stop();
  stopLoadClient();
}

const outputDir = options.quick ? path.join(TMP_DIR, 'quick') : RESULTS_DIR;
mkdirSync(outputDir, { recursive: true });
const chartFile = 'throughput.svg';
writeFileSync(path.join(outputDir, 'results.json'), JSON.stringify(results, null, 2) + '\n');
writeFileSync(path.join(outputDir, 'summary.md'), renderMarkdown(results, chartFile));
writeFileSync(
  path.join(outputDir, chartFile),
  barChart(
    'Requests per second (median of rounds, whisker: min–max)',
    results.throughput.scenarios.map((scenario) => ({
      label: scenario.label,
      value: scenario.rps.median,
      min: scenario.rps.min,
      max: scenario.rps.max,
      kind:
        scenario.id.startsWith('express') || scenario.id.startsWith('student')
          ? 'baseline'
          : 'authlab',
    })),
  ),
);
rmSync(path.join(TMP_DIR, 'data'), { recursive: true, force: true });

process.stdout.write(`${renderText(results)}\n\n`);
log(
  `Wrote ${path.relative(REPO_ROOT, outputDir)}/{results.json,summary.md,${chartFile}} in ${elapsed()}.`,
);

/** RSS of a fresh API (TRACING=on|off) after the first thousand protected requests and after all of them. */
async function memoryRun(tracing: 'on' | 'off') {
  const fresh = await startApiWithTokens(
    `api (memory, tracing ${tracing})`,
    newHmacKey(),
    { TRACING: tracing },
    options.tokens,
  );
  try {
    const rotate = bearerRotation(`tokens-memory-${tracing}`, fresh.tokens);
    return await measureMemory(
      fresh.api,
      { url: fresh.api.origin + PROTECTED, connections: options.connections, rotate },
      options,
    );
  } finally {
    await fresh.api.stop();
  }
}

/** The comparisons the targets (and readers) need, each paired inside a round. */
function computeRatios(scenarios: ScenarioResult[]): Ratio[] {
  const byId = new Map(scenarios.map((scenario) => [scenario.id, scenario]));
  const pairs: Array<[id: string, label: string, numerator: string, denominator: string]> = [
    [
      'public-vs-express',
      'authlab public (no I/O, tracing off) / bare Express',
      'public',
      'express',
    ],
    [
      'middleware-vs-express',
      "Express + authlab's middleware / bare Express",
      'express-middleware',
      'express',
    ],
    [
      'public-vs-middleware',
      "authlab public (tracing off) / Express + authlab's middleware",
      'public',
      'express-middleware',
    ],
    [
      'protected-vs-public',
      'authlab protected HS256 (/auth/me) / authlab public (/health), both one query, tracing on',
      'protected-me',
      'public-db',
    ],
    [
      'articles-vs-public',
      'authlab protected HS256 (/articles, a join) / authlab public (/health)',
      'protected',
      'public-db',
    ],
    ['invalid-vs-valid', 'invalid-token 401 / valid protected', 'invalid', 'protected'],
    ['tracing-on-vs-off', 'protected, tracing on / tracing off', 'protected', 'protected-untraced'],
    ['es256-vs-hs256', 'protected ES256 / HS256', 'protected-es256', 'protected'],
    ['cookie-vs-bearer', 'protected, cookie / bearer header', 'cookie', 'protected'],
    [
      'keyobject-vs-buffer',
      'student app: KeyObject / Buffer secret',
      'student-keyobject',
      'student',
    ],
    [
      'authlab-vs-student',
      'authlab protected (tracing off) / student app (KeyObject)',
      'protected-untraced',
      'student-keyobject',
    ],
  ];
  return pairs
    .filter(([, , numerator, denominator]) => byId.has(numerator) && byId.has(denominator))
    .map(([id, label, numerator, denominator]) => {
      const top = byId.get(numerator)!.runs;
      const bottom = byId.get(denominator)!.runs;
      return {
        id,
        label,
        rps: pairedRatios(
          top.map((run) => run.rps),
          bottom.map((run) => run.rps),
        ),
        p99: pairedRatios(
          top.map((run) => run.latency.p99),
          bottom.map((run) => run.latency.p99),
        ),
        cpu: pairedRatios(
          bottom.map((run) => run.serverCpuMicros),
          top.map((run) => run.serverCpuMicros),
        ),
      };
    });
}

function runMeta(): BenchResults['meta'] {
  return {
    date: new Date().toISOString(),
    mode: options.quick ? 'quick' : 'full',
    node: process.versions.node,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: cpus().length,
    pinned: PINNED,
    loadAverage: { start: loadAtStart, end: loadavg() },
    commit: gitCommit(),
    durationSeconds: Math.round((performance.now() - started) / 1000),
    settings: {
      rounds: options.rounds,
      seconds: options.seconds,
      warmupSeconds: options.warmupSeconds,
      connections: options.connections,
      tokens: options.tokens,
    },
  };
}

function gitCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'apps', 'packages'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
    return dirty ? `${commit} + uncommitted changes` : commit;
  } catch {
    return 'unknown';
  }
}
