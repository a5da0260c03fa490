import type { ErrorBody, Trace } from '@authlab/shared';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLOCK, type Clock } from '../src/clock/clock.js';
import { TRACE_STORE, type TraceStore } from '../src/trace/trace-store.js';
import { TraceStreams } from '../src/trace/trace-streams.service.js';
import {
  listenOnLoopback,
  openEventStream,
  type OpenEventStream,
  type ServerSentEvent,
} from './support/event-stream.js';
import { createAccount, signInForBody, type Account } from './support/sessions.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const isTrace = (id: string) => (event: ServerSentEvent) =>
  event.event === 'trace' && event.id === id;

describe('an open trace stream is authorised for as long as it is open', () => {
  let testApp: TestApp;
  let base: string;
  let learner: string;
  const streams: OpenEventStream[] = [];

  /** A fresh admin, signed in, with a stream open that is shown to deliver a learner's trace. */
  async function adminWithStream(): Promise<{
    admin: Account;
    token: string;
    stream: OpenEventStream;
  }> {
    const admin = await createAccount(testApp, 'admin');
    const { accessToken: token } = await signInForBody(testApp, admin);
    const stream = await openEventStream(`${base}/api/traces/stream`, {
      Authorization: `Bearer ${token}`,
    });
    streams.push(stream);
    expect(stream.status).toBe(200);
    const probe = await fetch(`${base}/api/articles`, {
      headers: { Authorization: `Bearer ${learner}` },
    });
    await stream.waitFor(isTrace(probe.headers.get('x-trace-id')!));
    return { admin, token, stream };
  }

  /** After the stream ended, a learner's next request reaches it no more. */
  async function expectClosed(stream: OpenEventStream, reason: string): Promise<void> {
    await stream.ended();
    expect(stream.events.at(-1)).toMatchObject({ event: 'end', data: reason });
    const after = await fetch(`${base}/api/articles`, {
      headers: { Authorization: `Bearer ${learner}` },
    });
    const id = after.headers.get('x-trace-id')!;
    expect(stream.events.some(isTrace(id))).toBe(false);
  }

  beforeAll(async () => {
    // Demo mode: the clock can be moved, as an instructor does in class.
    testApp = await startTestApp({ demo: true });
    base = await listenOnLoopback(testApp);
    learner = (await signInForBody(testApp, await createAccount(testApp, 'writer'))).accessToken;
  });
  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
    testApp.app.get<Clock>(CLOCK).reset();
  });
  afterAll(() => testApp?.close());

  it('ends at once when that admin signs out', async () => {
    const { token, stream } = await adminWithStream();
    await testApp.http
      .post('/api/auth/signout')
      .set('Authorization', `Bearer ${token}`)
      .expect(204);
    await expectClosed(stream, 'The access token has been revoked.');
  });

  it('ends at once when another admin demotes them', async () => {
    const { admin, stream } = await adminWithStream();
    const other = (await signInForBody(testApp, await createAccount(testApp, 'admin'))).accessToken;
    await testApp.http
      .patch(`/api/users/${admin.id}/role`)
      .set('Authorization', `Bearer ${other}`)
      .send({ role: 'user' })
      .expect(200);
    await expectClosed(stream, 'The access token has been revoked.');
  });

  it('ends at once when the token expires on the simulated clock', async () => {
    const { stream } = await adminWithStream();
    const other = (await signInForBody(testApp, await createAccount(testApp, 'admin'))).accessToken;
    await testApp.http
      .post('/api/clock/advance')
      .set('Authorization', `Bearer ${other}`)
      .send({ seconds: 901 })
      .expect(200);
    await stream.ended();
    expect(stream.events.at(-1)).toMatchObject({
      event: 'end',
      data: 'The access token has expired.',
    });
  });

  it('refuses to reopen with the revoked token', async () => {
    const { token, stream } = await adminWithStream();
    await testApp.http
      .post('/api/auth/signout')
      .set('Authorization', `Bearer ${token}`)
      .expect(204);
    await stream.ended();
    const again = await openEventStream(`${base}/api/traces/stream`, {
      Authorization: `Bearer ${token}`,
    });
    expect(again.status).toBe(401);
  });

  it('builds each trace’s public form once, however many streams see it', async () => {
    const open = [await adminWithStream(), await adminWithStream(), await adminWithStream()];
    let built = 0;
    const trace: Trace = {
      id: '00000000-0000-4000-8000-000000000001',
      method: 'GET',
      path: '/api/health',
      startedAt: new Date().toISOString(),
      durationMs: 1,
      status: 200,
      owner: {},
      events: [],
    };
    testApp.app.get<TraceStore>(TRACE_STORE).add({
      id: trace.id,
      owner: {},
      toTrace: () => {
        built += 1;
        return trace;
      },
    });
    for (const { stream } of open) {
      const event = await stream.waitFor(isTrace(trace.id));
      expect(JSON.parse(event.data)).toEqual(trace);
    }
    expect(built).toBe(1);
  });
});

describe('caps on open trace streams (OWASP API4:2023)', () => {
  let testApp: TestApp;
  let base: string;
  const streams: OpenEventStream[] = [];

  beforeAll(async () => {
    testApp = await startTestApp({ traceStreams: { maxPerCaller: 2, maxPerAddress: 4 } });
    base = await listenOnLoopback(testApp);
  });
  afterEach(() => {
    for (const stream of streams.splice(0)) stream.close();
  });
  afterAll(() => testApp?.close());

  const open = async (headers: Record<string, string>) => {
    const stream = await openEventStream(`${base}/api/traces/stream`, headers);
    streams.push(stream);
    return stream;
  };

  /** The server has seen the closed streams go. */
  async function settled(count: number): Promise<void> {
    const registry = testApp.app.get(TraceStreams);
    for (let tries = 0; registry.size !== count && tries < 100; tries += 1)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(registry.size).toBe(count);
  }

  it('answers 429 with Retry-After past the cap per caller, and lets them in again once one closes', async () => {
    const { accessToken } = await signInForBody(testApp, await createAccount(testApp, 'writer'));
    const auth = { Authorization: `Bearer ${accessToken}` };
    const [first] = [await open(auth), await open(auth)];
    const refused = await open(auth);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(refused.refusal as ErrorBody).toMatchObject({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'You already have 2 trace streams open; close one first, or try again in 5 s.',
    });
    first.close();
    await settled(1);
    expect((await open(auth)).status).toBe(200);
  });

  it('counts anonymous playground sessions per caller too, and every stream per address', async () => {
    await settled(0);
    const sessions = ['stream-session-00001', 'stream-session-00002', 'stream-session-00003'];
    const statuses: number[] = [];
    for (const session of [...sessions, sessions[0]!, sessions[1]!])
      statuses.push((await open({ 'X-Playground-Session': session })).status);
    // Sessions 1 and 2 each hold two, session 3 one: the fifth is over the address's four.
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const refused = streams.at(-1)!;
    expect((refused.refusal as ErrorBody).message).toBe(
      'Your network already has 4 trace streams open; close one first, or try again in 5 s.',
    );
  });
});
