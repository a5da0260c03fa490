/**
 * What open admin trace streams cost the API:
 *   npm run streams --workspace @authlab/bench [-- --rounds N --seconds N --against REVISION]
 * One traced API answers the protected route (/api/articles, a thousand distinct tokens) flat
 * out with 0, 1 and 25 admin streams open — each stream receives every trace — in interleaved
 * rounds; the ratios to no stream are taken inside each round (req/s, and server CPU per request,
 * the steadier figure). `--against` measures an older revision's build the same way, beside it.
 */
import { startApiWithTokens, bearerRotation, PROTECTED } from '../fixtures.js';
import { newHmacKey } from '../api/tokens.js';
import { signIn } from '../api/demo-accounts.js';
import { buildRevision, type RevisionBuild } from '../compare/build-revision.js';
import { runLoad, stopLoadClient } from '../load/run-load.js';
import { pinSelfToClientCore } from '../processes/cores.js';
import type { ServerProcess } from '../processes/server-process.js';
import { median, pairedRatios } from '../report/stats.js';
import { mkdirSync } from 'node:fs';
import { TMP_DIR } from '../paths.js';
import { openStreams } from './open-streams.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const ROUNDS = Number(option('--rounds')) || 5;
const SECONDS = Number(option('--seconds')) || 3;
const AGAINST = option('--against');
const STREAM_COUNTS = [0, 1, 25];
const CONNECTIONS = 10;

type CpuUsage = { user: number; system: number };

interface Target {
  label: string;
  api: ServerProcess;
  adminToken: string;
  rotate: ReturnType<typeof bearerRotation>;
  runs: Map<number, Array<{ rps: number; cpuMicros: number }>>;
}

async function prepare(label: string, script?: string): Promise<Target> {
  const started = await startApiWithTokens(
    label,
    newHmacKey(),
    // 25 admin streams from one bench are more than one caller may open; in class they are 25 people.
    { TRACING: 'on', TRACE_STREAMS_PER_CALLER: '100', TRACE_STREAMS_PER_ADDRESS: '100' },
    1000,
    script,
  );
  return {
    label,
    api: started.api,
    adminToken: await signIn(started.api.origin, 'admin'),
    rotate: bearerRotation(`tokens-streams-${label.replace(/\W+/g, '-')}`, started.tokens),
    runs: new Map(STREAM_COUNTS.map((count) => [count, []])),
  };
}

async function measure(target: Target, streams: number, seconds: number) {
  const open = await openStreams(target.api.origin, target.adminToken, streams);
  try {
    const before = await target.api.ask<CpuUsage>({ type: 'cpu' });
    const result = await runLoad({
      url: target.api.origin + PROTECTED,
      connections: CONNECTIONS,
      seconds,
      rotate: target.rotate,
    });
    const after = await target.api.ask<CpuUsage>({ type: 'cpu' });
    const ok = result.statusCodes['200'] ?? 0;
    if (ok !== result.responses)
      throw new Error(`${target.label}: unexpected statuses ${JSON.stringify(result.statusCodes)}`);
    return {
      rps: result.rps,
      cpuMicros:
        (after.user + after.system - before.user - before.system) / Math.max(1, result.responses),
    };
  } finally {
    await open.close();
  }
}

mkdirSync(TMP_DIR, { recursive: true });
pinSelfToClientCore();
let older: RevisionBuild | undefined;
if (AGAINST) {
  process.stderr.write(`Building ${AGAINST}…\n`);
  older = buildRevision(AGAINST);
}
const targets: Target[] = [await prepare('this build')];
if (older) targets.push(await prepare(`build of ${older.commit}`, older.apiMain));
try {
  for (const target of targets) for (const count of STREAM_COUNTS) await measure(target, count, 2); // warm-up, thrown away
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const target of targets) {
      const order = STREAM_COUNTS.map(
        (_, index) => STREAM_COUNTS[(index + round) % STREAM_COUNTS.length]!,
      );
      for (const count of order)
        target.runs.get(count)!.push(await measure(target, count, SECONDS));
    }
    process.stderr.write(`  round ${round + 1}/${ROUNDS} done\n`);
  }

  const lines = [
    `Throughput of ${PROTECTED} (tracing on, ${CONNECTIONS} connections) with admin trace streams open, against none (${ROUNDS} rounds × ${SECONDS} s; median ratio per round [min–max]):`,
  ];
  for (const target of targets) {
    const none = target.runs.get(0)!;
    lines.push(`  ${target.label}: none ${Math.round(median(none.map((run) => run.rps)))} req/s`);
    for (const count of STREAM_COUNTS.slice(1)) {
      const runs = target.runs.get(count)!;
      const rps = pairedRatios(
        runs.map((run) => run.rps),
        none.map((run) => run.rps),
      );
      const cpu = pairedRatios(
        none.map((run) => run.cpuMicros),
        runs.map((run) => run.cpuMicros),
      );
      lines.push(
        `    ${String(count).padStart(2)} stream${count === 1 ? ' ' : 's'}: ${rps.median.toFixed(2)}× req/s [${rps.min.toFixed(2)}–${rps.max.toFixed(2)}], ${cpu.median.toFixed(2)}× by server CPU/req (${Math.round(median(runs.map((run) => run.cpuMicros)))} vs ${Math.round(median(none.map((run) => run.cpuMicros)))} µs)`,
      );
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  for (const target of targets) await target.api.stop();
  stopLoadClient();
  older?.remove();
}
