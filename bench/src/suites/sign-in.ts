import argon2 from 'argon2';
import { Agent, request } from 'node:http';
import { performance } from 'node:perf_hooks';
import { PLAYGROUND_SESSION_HEADER, type Trace } from '@authlab/shared';
import { demoPassword, signInRequest } from '../api/demo-accounts.js';
import type { LoadJob, LoadResult } from '../load/load-job.js';
import { runLoad, runLoads } from '../load/run-load.js';
import type { BenchOptions } from '../options.js';
import type { ServerProcess } from '../processes/server-process.js';
import { median, spread, type Spread } from '../report/stats.js';

/** The API's parameters (apps/api password-hasher.service.ts): OWASP's argon2id minimum. */
const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;
const USERNAME = 'user';

/** monitorEventLoopDelay records whole intervals of its 1 ms timer; the delay is what exceeds 1 ms. */
const PROBE_RESOLUTION_MS = 1;

interface Snapshot {
  eventLoopDelay: { p50: number; p99: number; max: number; mean: number };
  memory: NodeJS.MemoryUsage;
}

export interface LoginResult {
  /** Sign-in over HTTP, one at a time: p50 in ms. */
  loginP50: number;
  /** argon2id verification alone, in the API's own process: p50 in ms. */
  kdfP50: number;
  /**
   * Sign-in p50 over argon2id p50, taken in each batch and the batch after it: the machine's
   * speed moves between phases of a few seconds (the hash alone has read 20 ms in one and 27 ms
   * in the next), and the medians over the whole run may come from different phases.
   */
  ratio: Spread;
  /**
   * The same sign-ins as their traces saw them: from the first middleware to the response sent,
   * and the handler alone (which includes the hash). What is left of loginP50 is the connection
   * and the two processes waking up.
   */
  insideApiP50: number;
  handlerP50: number;
  logins: number[];
  kdf: number[];
}

/** Marks the bench's sign-ins so their traces can be read back (a trace is shown only to its owner). */
const TRACE_OWNER = { [PLAYGROUND_SESSION_HEADER]: 'bench-sign-in-timing' };

interface TimedSignIn {
  ms: number;
  traceId: string;
}

/**
 * Sign-ins one at a time, interleaved in small batches with bare argon2id verifications run by
 * the bench preload inside the same API process, so both see the same core and thread pool, and
 * each batch of sign-ins is compared with the verifications right after it.
 */
export async function measureLogin(
  api: ServerProcess,
  options: BenchOptions,
): Promise<LoginResult> {
  const hash = await argon2.hash(demoPassword(USERNAME), ARGON2_OPTIONS);
  const signIns: TimedSignIn[] = [];
  const kdf: number[] = [];
  const batchRatios: number[] = [];
  const batch = 5;
  const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });
  await signInOnce(api.origin, keepAlive); // the first sign-in warms the route up; not counted
  while (signIns.length < options.logins) {
    const batchOfSignIns: TimedSignIn[] = [];
    for (let index = 0; index < batch; index += 1)
      batchOfSignIns.push(await signInOnce(api.origin, keepAlive));
    const reply = await api.ask<{ timesMs: number[] }>({
      type: 'argon2',
      count: batch,
      password: demoPassword(USERNAME),
      hash,
    });
    signIns.push(...batchOfSignIns);
    kdf.push(...reply.timesMs);
    batchRatios.push(median(batchOfSignIns.map((signIn) => signIn.ms)) / median(reply.timesMs));
  }
  keepAlive.destroy();
  // Read once all are timed, so that reading them costs the sign-ins nothing.
  const traces = await Promise.all(signIns.map((signIn) => readTrace(api.origin, signIn.traceId)));
  const logins = signIns.map((signIn) => signIn.ms);
  return {
    loginP50: median(logins),
    kdfP50: median(kdf),
    ratio: spread(batchRatios),
    insideApiP50: median(traces.map((trace) => trace.durationMs)),
    handlerP50: median(
      traces.map(
        (trace) => trace.events.find((event) => event.kind === 'handler')?.durationMs ?? Number.NaN,
      ),
    ),
    logins,
    kdf,
  };
}

async function readTrace(
  origin: string,
  id: string,
): Promise<Pick<Trace, 'durationMs' | 'events'>> {
  const response = await fetch(`${origin}/api/traces/${id}`, { headers: TRACE_OWNER });
  if (!response.ok)
    throw new Error(`The trace of a sign-in answered ${response.status}: is TRACING on?`);
  return (await response.json()) as Trace;
}

/**
 * One connection, kept open, and Node's plain http client: what is timed is the API. fetch()
 * (undici) spends 1–2 ms of its own on every call, which would be counted against the API.
 */
function signInOnce(origin: string, keepAlive: Agent): Promise<TimedSignIn> {
  const init = signInRequest(USERNAME);
  const body = init.body as string;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const outgoing = request(
      `${origin}/api/auth/signin`,
      {
        method: 'POST',
        agent: keepAlive,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...TRACE_OWNER,
        },
      },
      (response) => {
        response.resume();
        response.on('end', () => {
          if (response.statusCode !== 200)
            reject(new Error(`Sign-in answered ${response.statusCode}`));
          else
            resolve({
              ms: performance.now() - start,
              traceId: String(response.headers['x-trace-id']),
            });
        });
      },
    );
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}

export interface SurgePhase {
  publicRoute: LoadResult;
  signIns?: LoadResult;
  /** Event-loop delay inside the API during the phase, ms beyond the probe's 1 ms timer. */
  eventLoopDelayP99: number;
  eventLoopDelayMax: number;
}

export interface SurgeResult {
  idle: SurgePhase[];
  surge: SurgePhase[];
  idleP99: number;
  surgeP99: number;
  /** During the surge; the idle figure shows what the machine's own noise is. */
  eventLoopDelayP99: number;
  idleEventLoopDelayP99: number;
  signInsPerSecond: number;
}

/**
 * The public route at a fixed, modest rate, alone ("idle") and while other clients sign in as
 * fast as they can ("surge"). If hashing blocked the event loop, the public route's p99 would
 * jump; with hashing on the thread pool, it should barely move. Phases alternate.
 */
export async function measureSurge(
  api: ServerProcess,
  publicPath: string,
  options: BenchOptions,
): Promise<SurgeResult> {
  const steady: LoadJob = {
    url: api.origin + publicPath,
    connections: options.connections,
    overallRate: options.surgeRate,
    seconds: options.surgeSeconds,
  };
  const signIns: LoadJob = {
    url: `${api.origin}/api/auth/signin`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: signInRequest(USERNAME).body as string,
    connections: options.surgeConnections,
    seconds: options.surgeSeconds,
  };
  const idle: SurgePhase[] = [];
  const surge: SurgePhase[] = [];
  const rounds = options.quick ? 1 : 2;
  for (let round = 0; round < rounds; round += 1) {
    await api.ask({ type: 'snapshot' });
    const quiet = await runLoad(steady);
    idle.push({ publicRoute: quiet, ...delayOf(await api.ask<Snapshot>({ type: 'snapshot' })) });

    const [busy, logins] = await runLoads([steady, signIns]);
    surge.push({
      publicRoute: busy!,
      signIns: logins!,
      ...delayOf(await api.ask<Snapshot>({ type: 'snapshot' })),
    });
  }
  return {
    idle,
    surge,
    idleP99: median(idle.map((phase) => phase.publicRoute.latency.p99)),
    surgeP99: median(surge.map((phase) => phase.publicRoute.latency.p99)),
    eventLoopDelayP99: Math.max(...surge.map((phase) => phase.eventLoopDelayP99)),
    idleEventLoopDelayP99: Math.max(...idle.map((phase) => phase.eventLoopDelayP99)),
    signInsPerSecond: median(surge.map((phase) => phase.signIns!.rps)),
  };
}

function delayOf(snapshot: Snapshot): Pick<SurgePhase, 'eventLoopDelayP99' | 'eventLoopDelayMax'> {
  return {
    eventLoopDelayP99: Math.max(0, snapshot.eventLoopDelay.p99 - PROBE_RESOLUTION_MS),
    eventLoopDelayMax: Math.max(0, snapshot.eventLoopDelay.max - PROBE_RESOLUTION_MS),
  };
}
