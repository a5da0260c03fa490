/**
 * A legitimate sign-in during a burst of sign-ups from one address, against the same sign-in
 * idle (OWASP API4:2023):
 *   npm run signup-burst --workspace @authlab/bench [-- --rounds N --burst N]
 * Three APIs, started side by side: as configured by default (sign-up throttle and a bounded
 * hashing line), with the throttle lifted (the line's bound alone), and with both lifted (every
 * sign-up hashed, as before either existed). Each round times one sign-in idle, then fires the
 * burst and times one sign-in sent right behind it; the ratio is taken per round, and its median
 * printed. A sign-in answered 503 (the line was full) is counted apart: it was refused at once.
 */
import { Agent } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { demoPassword } from '../api/demo-accounts.js';
import { startApi } from '../api/servers.js';
import { newHmacKey } from '../api/tokens.js';
import { pinSelfToClientCore } from '../processes/cores.js';
import type { ServerProcess } from '../processes/server-process.js';
import { median } from '../report/stats.js';
import { timedPost, type TimedAnswer } from './timed-post.js';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(name);
  return index === -1 ? fallback : Number(args[index + 1]) || fallback;
};
const ROUNDS = option('--rounds', 7);
const BURST = option('--burst', 60);
const LIFTED = '100000';
const USERNAME = 'user';

interface Setup {
  label: string;
  env: Record<string, string>;
}

const setups: Setup[] = [
  { label: 'defaults (sign-up throttle + bounded line)', env: {} },
  { label: 'throttle lifted (bounded line alone)', env: { SIGNUP_MAX_PER_IP: LIFTED } },
  {
    label: 'both lifted (every sign-up hashed)',
    env: { SIGNUP_MAX_PER_IP: LIFTED, PASSWORD_HASH_QUEUE_LIMIT: LIFTED },
  },
];

interface Measured {
  idle: number[];
  burst: number[];
  ratios: number[];
  refused: number;
  burstStatuses: Record<number, number>;
}

async function measure(api: ServerProcess, tag: string): Promise<Measured> {
  const signInUrl = `${api.origin}/api/auth/signin`;
  const legitimate = { username: USERNAME, password: demoPassword(USERNAME) };
  const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
  // The burst: one connection per sign-up, all at once, from this one address.
  const burstAgent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const result: Measured = { idle: [], burst: [], ratios: [], refused: 0, burstStatuses: {} };
  await timedPost(signInUrl, legitimate, keepAlive); // warms the route up; not counted

  for (let round = 0; round < ROUNDS; round += 1) {
    const idle = await timedPost(signInUrl, legitimate, keepAlive);
    if (idle.status !== 200) throw new Error(`An idle sign-in answered ${idle.status}`);
    const wave = Array.from({ length: BURST }, (_, index) =>
      timedPost(
        `${api.origin}/api/auth/signup`,
        { username: `${tag}-${round}-${index}`, password: 'burst password 123' },
        burstAgent,
      ),
    );
    await sleep(20); // the burst's requests have reached the API
    let during: TimedAnswer = await timedPost(signInUrl, legitimate, keepAlive);
    if (during.status === 503) {
      result.refused += 1;
      during = { ...during, ms: Number.NaN };
    } else if (during.status !== 200)
      throw new Error(`A sign-in during the burst answered ${during.status}`);
    for (const answer of await Promise.all(wave))
      result.burstStatuses[answer.status] = (result.burstStatuses[answer.status] ?? 0) + 1;
    result.idle.push(idle.ms);
    if (!Number.isNaN(during.ms)) {
      result.burst.push(during.ms);
      result.ratios.push(during.ms / idle.ms);
    }
  }
  keepAlive.destroy();
  burstAgent.destroy();
  return result;
}

pinSelfToClientCore();
const key = newHmacKey();
const apis = await Promise.all(
  setups.map((setup, index) =>
    startApi(`api ${index + 1}`, { ...key.env, TRACING: 'on', ...setup.env }),
  ),
);
try {
  const lines = [
    `A sign-in during a burst of ${BURST} parallel sign-ups from one address, against idle (${ROUNDS} rounds, ratio per round):`,
  ];
  for (const [index, setup] of setups.entries()) {
    const measured = await measure(apis[index]!, `burst${index}`);
    const fixed = (ms: number) => (Number.isNaN(ms) ? '—' : `${ms.toFixed(1)} ms`);
    lines.push(
      `  ${setup.label.padEnd(46)} idle p50 ${fixed(median(measured.idle)).padStart(9)}, during burst p50 ${fixed(median(measured.burst)).padStart(10)}, ratio ${measured.ratios.length > 0 ? `${median(measured.ratios).toFixed(2)}×` : '—'}` +
        `${measured.refused > 0 ? `, ${measured.refused}/${ROUNDS} sign-ins refused with 503` : ''}; burst answered ${JSON.stringify(measured.burstStatuses)}`,
    );
  }
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await Promise.all(apis.map((api) => api.stop()));
}
