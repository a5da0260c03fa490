import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { PLAYGROUND_BACKGROUND_HEADER, type RouteMetadata, type Trace } from '@authlab/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRACE_STORE, type TraceStore } from '../src/trace/trace-store.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { signWith, validClaims, validHeader } from './support/tokens.js';
import { PASSWORD, signInOneOfEachRole, type SignedInUser } from './support/users.js';

const SESSION = 'playground-session-0001';
const OTHER_SESSION = 'playground-session-0002';

describe('request traces', () => {
  let testApp: TestApp;
  let users: Awaited<ReturnType<typeof signInOneOfEachRole>>;

  beforeAll(async () => {
    // authlab.test: a name the same-origin CORS case below is reached at.
    testApp = await startTestApp({ allowedHosts: ['authlab.test'] });
    users = await signInOneOfEachRole(testApp);
  });
  afterAll(() => testApp?.close());

  /** The trace of a response, read back over HTTP as its owner would. */
  async function traceOf(
    response: { headers: Record<string, string> },
    as: { token?: string; session?: string },
  ): Promise<Trace> {
    const id = response.headers['x-trace-id'];
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const request = testApp.http.get(`/api/traces/${id}`);
    if (as.token) request.set('Authorization', `Bearer ${as.token}`);
    if (as.session) request.set('X-Playground-Session', as.session);
    return (await request.expect(200)).body as Trace;
  }

  const steps = (trace: Trace) =>
    trace.events.map((event) => `${event.kind}:${event.step}:${event.outcome}`);

  it('records a success through every stage, in NestJS order, with sane durations', async () => {
    const user: SignedInUser = users.writer;
    const response = await testApp.http
      .post('/api/articles')
      .set('Authorization', `Bearer ${user.token}`)
      .send({ title: 'Traced', body: 'Every step' })
      .expect(201);
    const trace = await traceOf(response, { token: user.token });

    expect(steps(trace)).toEqual([
      'middleware:requestId:pass',
      'middleware:allowedHost:pass',
      'middleware:requestLogger:pass',
      'middleware:helmet:pass',
      'middleware:cors:pass',
      'middleware:noStore:pass',
      'middleware:cookieParser:pass',
      'middleware:requireJsonBody:pass',
      'middleware:jsonBodyParser:pass',
      'guard:JwtAuthGuard:pass',
      'guard:RevocationGuard:pass',
      'guard:CsrfGuard:pass',
      'guard:RolesGuard:pass',
      'guard:PoliciesGuard:pass',
      'interceptor:TracingInterceptor:pass',
      'pipe:ZodValidationPipe(request body):pass',
      'handler:ArticlesController.create:pass',
    ]);
    expect(trace).toMatchObject({
      method: 'POST',
      path: '/api/articles',
      route: '/api/articles',
      status: 201,
      owner: { subject: String(user.id) },
    });
    expect(trace.decidedBy).toBeUndefined();
    for (const event of trace.events) {
      expect(event.durationMs).toBeGreaterThanOrEqual(0);
      expect(event.startMs + event.durationMs).toBeLessThanOrEqual(trace.durationMs + 0.01);
    }
    const guard = trace.events.find((event) => event.step === 'JwtAuthGuard')!;
    expect(guard.detail).toMatchObject({
      source: 'Authorization header',
      extractor: 'accessTokenExtractor',
      alg: 'HS256',
    });
    expect(guard.checks?.find((check) => check.name === 'exp')?.text).toMatch(
      /^expires in 1[45] min \d+ s$/,
    );
    expect(trace.events.find((event) => event.step === 'RolesGuard')!.detail).toMatchObject({
      role: 'writer',
      requiredPermissions: ['create'],
      held: ['read', 'create', 'update', 'delete'],
    });
  });

  it('names JwtAuthGuard as the decider when no token was sent', async () => {
    const response = await testApp.http
      .get('/api/articles')
      .set('X-Playground-Session', SESSION)
      .expect(401);
    const trace = await traceOf(response, { session: SESSION });
    expect(trace.decidedBy).toMatchObject({ step: 'JwtAuthGuard', kind: 'guard' });
    expect(trace.decidedBy!.reason).toMatch(/No access token was sent/);
    expect(steps(trace).slice(-2)).toEqual([
      'guard:JwtAuthGuard:deny',
      'filter:AllExceptionsFilter:deny',
    ]);
    expect(trace.events.at(-1)!.reason).toBe(
      'Answered 401 Unauthorized: This route needs an access token.',
    );
    expect(trace.owner).toEqual({ session: SESSION });
  });

  it('says how long ago an expired token expired', async () => {
    const now = Math.floor(Date.now() / 1000);
    const expired = signWith(testApp.keys, validHeader(testApp.keys), {
      ...validClaims(testApp.config, users.user),
      exp: now - 37,
    });
    const response = await testApp.http
      .get('/api/articles')
      .set('Authorization', `Bearer ${expired}`)
      .set('X-Playground-Session', SESSION)
      .expect(401);
    const trace = await traceOf(response, { session: SESSION });
    expect(trace.decidedBy).toMatchObject({ step: 'JwtAuthGuard' });
    expect(trace.decidedBy!.reason).toMatch(
      /^The token expired 3[78] s ago\. 401 invalid_token\.$/,
    );
    const exp = trace.events
      .find((event) => event.step === 'JwtAuthGuard')!
      .checks!.find((check) => check.name === 'exp')!;
    expect(exp).toMatchObject({ ok: false, text: expect.stringMatching(/^expired 3[78] s ago$/) });
  });

  it('marks the checks that never ran as "not checked", never as passed', async () => {
    const checksOf = async (token: string) => {
      const response = await testApp.http
        .get('/api/articles')
        .set('Authorization', `Bearer ${token}`)
        .set('X-Playground-Session', SESSION)
        .expect(401);
      const trace = await traceOf(response, { session: SESSION });
      const checks = trace.events.find((event) => event.step === 'JwtAuthGuard')!.checks!;
      return Object.fromEntries(checks.map((check) => [check.name, check.ok]));
    };
    const claims = validClaims(testApp.config, users.user);
    // Refused at the header: neither the signature nor any claim was looked at.
    const withJku = signWith(
      testApp.keys,
      { ...validHeader(testApp.keys), jku: 'https://attacker.example/jwks.json' },
      claims,
    );
    expect(await checksOf(withJku)).toEqual({
      'key fields': false,
      typ: null,
      kid: null,
      alg: null,
      signature: null,
      exp: null,
      aud: null,
      iss: null,
      iat: null,
      lifetime: null,
    });
    // A bad signature: the header passed, no claim was checked (not even an expired exp).
    const [header, payload] = signWith(testApp.keys, validHeader(testApp.keys), {
      ...claims,
      exp: Math.floor(Date.now() / 1000) - 60,
    }).split('.');
    expect(await checksOf(`${header}.${payload}.${'A'.repeat(43)}`)).toEqual({
      'key fields': true,
      typ: true,
      kid: true,
      alg: true,
      signature: false,
      exp: null,
      aud: null,
      iss: null,
      iat: null,
      lifetime: null,
    });
    // Wrong audience: exp passed before it, iss comes after it and never ran.
    const foreign = signWith(testApp.keys, validHeader(testApp.keys), { ...claims, aud: 'x' });
    expect(await checksOf(foreign)).toMatchObject({
      signature: true,
      exp: true,
      aud: false,
      iss: null,
    });
  });

  it('names the token it judged by fingerprint and records the header and claims it saw, never the token', async () => {
    const token = users.writer.token;
    const response = await testApp.http
      .get('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    const trace = await traceOf(response, { token });
    const guard = trace.events.find((event) => event.step === 'JwtAuthGuard')!;
    expect(guard.detail).toMatchObject({
      tokenFingerprint: createHash('sha256').update(token).digest('hex').slice(0, 16),
      apiClock: 'real',
      'header.alg': testApp.keys.algorithm,
      'claim.role': 'writer',
    });
    expect(JSON.stringify(trace)).not.toContain(token.split('.')[2]!);
  });

  it("marks the playground's own calls as background, and only those: the same path sent by a learner is not", async () => {
    const token = users.writer.token;
    const own = await testApp.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${token}`)
      .set(PLAYGROUND_BACKGROUND_HEADER, '1')
      .expect(200);
    expect((await traceOf(own, { token })).background).toBe(true);

    const learners = await testApp.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${token}`)
      .expect(200);
    expect((await traceOf(learners, { token })).background).toBeUndefined();

    // Only "1" marks a call; any other value is a learner's experiment and stays in view.
    const other = await testApp.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${token}`)
      .set(PLAYGROUND_BACKGROUND_HEADER, 'yes')
      .expect(200);
    expect((await traceOf(other, { token })).background).toBeUndefined();
  });

  it('shows the audience a token carried and the one expected', async () => {
    const foreign = signWith(testApp.keys, validHeader(testApp.keys), {
      ...validClaims(testApp.config, users.user),
      aud: 'x',
    });
    const response = await testApp.http
      .get('/api/articles')
      .set('Authorization', `Bearer ${foreign}`)
      .set('X-Playground-Session', SESSION)
      .expect(401);
    const trace = await traceOf(response, { session: SESSION });
    const checks = trace.events.find((event) => event.step === 'JwtAuthGuard')!.checks!;
    expect(checks.find((check) => check.name === 'aud')).toEqual({
      name: 'aud',
      ok: false,
      text: 'aud was "x", expected "authlab-api"',
    });
    expect(trace.decidedBy!.reason).toMatch(/meant for another API/);
  });

  it('names RolesGuard, the permission required and the permissions held when the role is wrong', async () => {
    const response = await testApp.http
      .delete('/api/articles/1')
      .set('Authorization', `Bearer ${users.editor.token}`)
      .expect(403);
    const trace = await traceOf(response, { token: users.editor.token });
    expect(trace.decidedBy).toMatchObject({ step: 'RolesGuard', kind: 'guard' });
    expect(steps(trace).slice(-3)).toEqual([
      'guard:CsrfGuard:pass',
      'guard:RolesGuard:deny',
      'filter:AllExceptionsFilter:deny',
    ]);
    expect(trace.events.find((event) => event.step === 'RolesGuard')!.detail).toEqual({
      role: 'editor',
      held: ['read', 'create', 'update'],
      requiredPermissions: ['delete'],
    });
  });

  it('names the pipe and the invalid fields (not their values) when the body is invalid', async () => {
    const response = await testApp.http
      .post('/api/auth/signup')
      .set('X-Playground-Session', SESSION)
      .send({ username: 'ok-name', password: 'tiny7', extra: 'field' })
      .expect(400);
    const trace = await traceOf(response, { session: SESSION });
    expect(trace.decidedBy).toMatchObject({
      step: 'ZodValidationPipe(request body)',
      kind: 'pipe',
    });
    const pipe = trace.events.find((event) => event.kind === 'pipe')!;
    expect(pipe.checks).toEqual([
      { name: 'password', ok: false, text: 'must be at least 8 characters' },
      { name: '(root)', ok: false, text: 'unknown field: extra' },
    ]);
    expect(trace.events.some((event) => event.kind === 'handler')).toBe(false);
    expect(JSON.stringify(trace)).not.toContain('tiny7');
  });

  it('tells same-origin, allowed and foreign origins apart in the cors step, and never calls it a failure', async () => {
    const reasons: string[] = [];
    for (const origin of ['same', 'http://localhost:5173', 'https://evil.example']) {
      const request = testApp.http.get('/api/health').set('X-Playground-Session', SESSION);
      // Same origin: the page's origin is the scheme and Host the API itself is reached at.
      const response = await (
        origin === 'same'
          ? request.set('Host', 'authlab.test').set('Origin', 'http://authlab.test')
          : request.set('Origin', origin)
      ).expect(200);
      const trace = await traceOf(response, { session: SESSION });
      const cors = trace.events.find((event) => event.step === 'cors')!;
      expect(cors.outcome).toBe('pass');
      expect(trace.decidedBy).toBeUndefined();
      reasons.push(cors.reason);
    }
    expect(reasons[0]).toMatch(/own origin: a same-origin request/);
    expect(reasons[1]).toMatch(/^Origin http:\/\/localhost:5173 is allowed/);
    expect(reasons[2]).toMatch(/^Origin https:\/\/evil.example is not allowed/);
  });

  it('names the body parser when the JSON is broken', async () => {
    const response = await testApp.http
      .post('/api/auth/signup')
      .set('X-Playground-Session', SESSION)
      .set('Content-Type', 'application/json')
      .send('{"username":')
      .expect(400);
    const trace = await traceOf(response, { session: SESSION });
    expect(trace.decidedBy).toMatchObject({ step: 'jsonBodyParser', kind: 'middleware' });
    expect(trace.decidedBy!.reason).toBe('Refused with 400: The request body is not valid JSON.');
  });

  describe('who may read a trace', () => {
    it('hides one learner’s traces from another, and from other sessions, but not from an admin', async () => {
      const mine = await testApp.http
        .get('/api/articles')
        .set('Authorization', `Bearer ${users.user.token}`)
        .expect(200);
      const id = mine.headers['x-trace-id'];
      await testApp.http
        .get(`/api/traces/${id}`)
        .set('Authorization', `Bearer ${users.writer.token}`)
        .expect(404);
      await testApp.http
        .get(`/api/traces/${id}`)
        .set('X-Playground-Session', OTHER_SESSION)
        .expect(404);
      await testApp.http.get(`/api/traces/${id}`).expect(404);
      await testApp.http
        .get(`/api/traces/${id}`)
        .set('Authorization', `Bearer ${users.admin.token}`)
        .expect(200);

      const anonymous = await testApp.http
        .get('/api/health')
        .set('X-Playground-Session', SESSION)
        .expect(200);
      await testApp.http
        .get(`/api/traces/${anonymous.headers['x-trace-id']}`)
        .set('X-Playground-Session', OTHER_SESSION)
        .expect(404);
      await testApp.http
        .get(`/api/traces/${anonymous.headers['x-trace-id']}`)
        .set('X-Playground-Session', SESSION)
        .expect(200);
    });

    it('lists only the caller’s recent traces, newest first', async () => {
      const list = (
        await testApp.http
          .get('/api/traces?limit=200')
          .set('Authorization', `Bearer ${users.user.token}`)
          .expect(200)
      ).body as Trace[];
      expect(list.length).toBeGreaterThan(0);
      expect(list.every((trace) => trace.owner.subject === String(users.user.id))).toBe(true);
      expect(
        [...list].sort((a, b) => b.startedAt.localeCompare(a.startedAt)).map((t) => t.id),
      ).toEqual(list.map((t) => t.id));
      await testApp.http.get('/api/traces?limit=1000').expect(400);
    });

    it('refuses a bad token on the trace routes themselves', async () => {
      await testApp.http.get('/api/traces').set('Authorization', 'Bearer not.a.token').expect(401);
    });
  });

  describe('secrets never enter a trace', () => {
    async function allVisibleTraces(): Promise<string> {
      const list = await testApp.http
        .get('/api/traces?limit=200')
        .set('Authorization', `Bearer ${users.admin.token}`)
        .expect(200);
      return JSON.stringify(list.body);
    }

    it('keeps out passwords, Basic credentials, token signatures and cookie values', async () => {
      const basic = Buffer.from(`${users.user.username}:${PASSWORD}`).toString('base64');
      await testApp.http
        .post('/api/auth/signin')
        .set('Authorization', `Basic ${basic}`)
        .expect(200);
      await testApp.http
        .post('/api/auth/signin')
        .send({ username: users.user.username, password: PASSWORD })
        .expect(200);
      await testApp.http
        .post('/api/auth/signup')
        .send({ username: 'secretive', password: 'hunter2-hunter2' })
        .expect(201);
      await testApp.http
        .post('/api/auth/signup')
        .send({ username: 'x', password: 'hunter3-too-short'.slice(0, 7) })
        .expect(400);
      const forged = `${users.user.token.slice(0, -4)}AAAA`;
      await testApp.http.get('/api/articles').set('Authorization', `Bearer ${forged}`).expect(401);
      await testApp.http
        .get('/api/articles')
        .set('Authorization', `Bearer ${users.user.token}`)
        .set('Cookie', 'session=cookie-secret-value-123')
        .expect(200);

      const everything = await allVisibleTraces();
      const signature = users.user.token.split('.')[2]!;
      for (const secret of [
        PASSWORD,
        basic,
        'hunter2-hunter2',
        'hunter3',
        signature,
        forged.split('.')[2]!,
        'cookie-secret-value-123',
        users.user.token,
      ]) {
        expect(everything).not.toContain(secret);
      }
    });
  });

  it('streams new traces to their owner as server-sent events', async () => {
    await new Promise<void>((resolve) =>
      testApp.app.getHttpServer().listen(0, '127.0.0.1', resolve),
    );
    const { port } = testApp.app.getHttpServer().address() as AddressInfo;
    const base = `http://127.0.0.1:${port}`;
    const controller = new AbortController();
    const stream = await fetch(`${base}/api/traces/stream`, {
      headers: { Authorization: `Bearer ${users.editor.token}` },
      signal: controller.signal,
    });
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = stream.body!.getReader();

    await fetch(`${base}/api/articles`, {
      headers: { Authorization: `Bearer ${users.user.token}` },
    }); // not the editor's
    const own = await fetch(`${base}/api/articles`, {
      headers: { Authorization: `Bearer ${users.editor.token}` },
    });
    const ownId = own.headers.get('x-trace-id')!;

    let received = '';
    while (!received.includes(ownId)) {
      const { value, done } = await reader.read();
      if (done) break;
      received += new TextDecoder().decode(value);
    }
    controller.abort();
    const events = received.split('\n\n').filter((block) => block.includes('event: trace'));
    expect(events).toHaveLength(1);
    expect(events[0]).toContain(`id: ${ownId}`);
    const data = JSON.parse(
      events[0]!
        .split('\n')
        .find((line) => line.startsWith('data: '))!
        .slice(6),
    ) as Trace;
    expect(data).toMatchObject({
      id: ownId,
      status: 200,
      owner: { subject: String(users.editor.id) },
    });
  });

  it('keeps the store at its bound over 5,000 requests', async () => {
    const store = testApp.app.get<TraceStore>(TRACE_STORE);
    for (let sent = 0; sent < 5000; sent += 100) {
      await Promise.all(
        Array.from({ length: 100 }, () => testApp.http.get('/api/health').expect(200)),
      );
      expect(store.size).toBeLessThanOrEqual(store.capacity);
    }
    expect(store.size).toBe(store.capacity);
    expect(store.capacity).toBe(1000);
    // 5,000 real requests take about 25 s on two busy cores: this test is about the bound, not
    // the time, so it gets room that the default 30 s would not leave.
  }, 120_000);
});

describe('with tracing switched off', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ tracing: { enabled: false, capacity: 1000 } });
  });
  afterAll(() => testApp?.close());

  it('still gives every request an id but records nothing', async () => {
    const response = await testApp.http
      .get('/api/health')
      .set('X-Playground-Session', SESSION)
      .expect(200);
    expect(response.headers['x-trace-id']).toMatch(/^[0-9a-f-]{36}$/);
    await testApp.http
      .get(`/api/traces/${response.headers['x-trace-id']}`)
      .set('X-Playground-Session', SESSION)
      .expect(404);
    expect(testApp.app.get<TraceStore>(TRACE_STORE).size).toBe(0);
  });

  it('registers no interceptor, so Nest skips its interceptor pipeline, and the route catalogue says so', async () => {
    const { routes } = (await testApp.http.get('/api/meta/routes').expect(200)).body as {
      routes: RouteMetadata[];
    };
    const articles = routes.find(
      (route) => route.method === 'GET' && route.path === '/api/articles',
    );
    expect(articles).toMatchObject({
      guards: ['JwtAuthGuard', 'RevocationGuard', 'CsrfGuard', 'RolesGuard', 'PoliciesGuard'],
      interceptors: [],
    });
  });
});
