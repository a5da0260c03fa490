/**
 * Before and after, in one run:
 *   npm run compare --workspace @authlab/bench -- REVISION [--untraced] [--rounds N] [--seconds N]
 * Builds the API of REVISION (say `main~3`) beside the working tree's build, starts both as the
 * bench does, and loads the same routes on each, interleaved round by round so both see the
 * same machine. Prints requests per second and server CPU per request, and after / before
 * paired per round. The working tree's API must be built (`npm run build`).
 */
import { bearerRotation, startApiWithTokens } from '../fixtures.js';
import { newHmacKey } from '../api/tokens.js';
import { stopLoadClient } from '../load/run-load.js';
import { parseOptions } from '../options.js';
import { API_MAIN, PLAYGROUND_DIST } from '../paths.js';
import { pinSelfToClientCore } from '../processes/cores.js';
import { pairedRatios } from '../report/stats.js';
import { textTable } from '../report/text-table.js';
import { runThroughput, type Scenario } from '../suites/throughput.js';
import { buildRevision } from './build-revision.js';

/** One public route without I/O, one with a query, a protected lookup and the protected list. */
const ROUTES = ['/api/meta/routes', '/api/health', '/api/auth/me', '/api/articles'];

const args = process.argv.slice(2);
const revision = args.find((arg) => !arg.startsWith('--') && !/^\d+$/.test(arg));
if (!revision)
  throw new Error(
    'Usage: npm run compare --workspace @authlab/bench -- REVISION [--untraced] [--rounds N] [--seconds N]',
  );
const numberAfter = (flag: string, fallback: number) =>
  args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : fallback;
const options = {
  ...parseOptions(['--no-build']),
  rounds: numberAfter('--rounds', 6),
  seconds: numberAfter('--seconds', 3),
};
const tracing = args.includes('--untraced') ? 'off' : 'on';
const log = (line: string) => process.stderr.write(`${line}\n`);

pinSelfToClientCore();
log(`Building ${revision}…`);
const before = buildRevision(revision);
const key = newHmacKey();
// Both serve the working tree's playground build, so the same middleware is in front of both.
const env = { TRACING: tracing, PLAYGROUND_DIR: PLAYGROUND_DIST };
const servers = await Promise.all([
  startApiWithTokens(`before (${before.commit})`, key, env, options.tokens, before.apiMain),
  startApiWithTokens('after (working tree)', key, env, options.tokens, API_MAIN),
]);
try {
  const scenarios: Scenario[] = servers.flatMap(({ api, tokens }, index) => {
    const rotate = bearerRotation(`compare-tokens-${index}`, tokens);
    return ROUTES.map((route) => ({
      id: `${index}:${route}`,
      label: `${api.name} ${route}`,
      server: api,
      path: route,
      rotate,
      expectedStatus: 200,
    }));
  });
  log(
    `${scenarios.length} runs a round × ${options.rounds} rounds × ${options.seconds} s, tracing ${tracing}`,
  );
  const results = await runThroughput(scenarios, options, log);
  const byId = new Map(results.map((result) => [result.id, result]));
  const x = (value: number) => `${value.toFixed(2)}×`;
  const rows = ROUTES.map((route) => {
    const old = byId.get(`0:${route}`)!;
    const now = byId.get(`1:${route}`)!;
    const rps = pairedRatios(
      now.runs.map((run) => run.rps),
      old.runs.map((run) => run.rps),
    );
    const cpu = pairedRatios(
      old.runs.map((run) => run.serverCpuMicros),
      now.runs.map((run) => run.serverCpuMicros),
    );
    return [
      route,
      Math.round(old.rps.median).toLocaleString('en-US'),
      Math.round(now.rps.median).toLocaleString('en-US'),
      `${x(rps.median)} [${x(rps.min)}–${x(rps.max)}]`,
      `${Math.round(old.cpuMicros.median)} → ${Math.round(now.cpuMicros.median)}`,
      x(cpu.median),
    ];
  });
  const header = [
    'Route',
    `req/s before (${before.commit})`,
    'req/s after',
    'after / before [min–max]',
    'server CPU µs/req',
    'by CPU',
  ];
  process.stdout.write(
    `\nTracing ${tracing}; ${options.rounds} interleaved rounds × ${options.seconds} s; ratios paired per round.\n${textTable(header, rows)}\n`,
  );
} finally {
  for (const { api } of servers) await api.stop();
  stopLoadClient();
  before.remove();
}
