/**
 * Profiles the API under load on one route:
 *   npm run profile --workspace @authlab/bench -- PATH [--untraced] [--es256] [--invalid] [--seconds N]
 * The API runs as in the bench; after a warm-up, the V8 CPU profiler records only the measured
 * window. The summary says where the CPU time went (by package and by function); the raw
 * .cpuprofile stays in bench/results/tmp/profiles for Chrome DevTools.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { demoTokens } from '../api/demo-accounts.js';
import { bearerRotation } from '../fixtures.js';
import { startApi } from '../api/servers.js';
import { claimsOf, forgedTokens, mintTokens, newEcKey, newHmacKey } from '../api/tokens.js';
import { runLoad, stopLoadClient } from '../load/run-load.js';
import type { LoadJob } from '../load/load-job.js';
import { TMP_DIR } from '../paths.js';
import { summariseProfile } from './summarise-profile.js';

const args = process.argv.slice(2);
const route = args.find((arg) => arg.startsWith('/')) ?? '/api/articles';
const seconds = Number(args[args.indexOf('--seconds') + 1] ?? 10) || 10;
const profileDir = path.join(TMP_DIR, 'profiles');
mkdirSync(profileDir, { recursive: true });

const key = args.includes('--es256') ? newEcKey() : newHmacKey();
const api = await startApi('api', {
  ...key.env,
  TRACING: args.includes('--untraced') ? 'off' : 'on',
});
try {
  const claims = claimsOf(await demoTokens(api.origin));
  const tokens = args.includes('--invalid')
    ? forgedTokens(key, claims, 1000)
    : mintTokens(key, claims, 1000);
  const job: LoadJob = {
    url: api.origin + route,
    connections: 10,
    seconds: 3,
    rotate: bearerRotation('profile-tokens', tokens),
  };

  await runLoad(job);
  await api.ask({ type: 'profile', action: 'start' });
  const result = await runLoad({ ...job, seconds });
  const output = path.join(profileDir, `${route.replaceAll('/', '_')}-${Date.now()}.cpuprofile`);
  await api.ask({ type: 'profile', action: 'stop', file: output });

  const summary = summariseProfile(output);
  const percent = (share: number) => `${(share * 100).toFixed(1).padStart(5)} %`;
  const lines = [
    `${route}: ${result.rps.toFixed(0)} req/s, p99 ${result.latency.p99.toFixed(2)} ms, statuses ${JSON.stringify(result.statusCodes)}`,
    `Main thread busy ${summary.totalMs.toFixed(0)} ms: ${((summary.totalMs * 1000) / result.responses).toFixed(0)} µs per request`,
    '',
    'Self time by origin',
    ...summary.byOrigin.map((line) => `  ${percent(line.self)}  ${line.name}`),
    '',
    'Self time by function',
    ...summary.byFunction.map((line) => `  ${percent(line.self)}  ${line.name}`),
    '',
    `Profile: ${output}`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await api.stop();
  stopLoadClient();
}
