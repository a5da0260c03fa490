import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import {
  CSRF_HEADER,
  DEMO_USERS,
  evaluateCheck,
  evaluateKnowledge,
  tracesOfRequest,
  PLAYGROUND_SESSION_HEADER,
  tracesSinceBaseline,
  type KnowledgeAnswer,
  type KnowledgeOutcome,
  type LessonCheck,
  type LessonState,
  type PredictKnowledge,
  type Trace,
} from '@authlab/shared';
import type { Response as TestResponse } from 'supertest';
import { expect } from 'vitest';
import { decodeJoseSegment } from '../../src/auth/authentication/jose-segment.js';
import { parseSetCookies } from '../support/cookies.js';
import type { TestApp } from '../support/test-app.js';

export interface SendOptions {
  /** "token": the current token (the default); "none": no credentials; or an exact Authorization value. */
  as?: 'token' | 'none' | { authorization: string } | { basic: [string, string] };
  body?: unknown;
  /** A raw body with this Content-Type instead of JSON. */
  raw?: { contentType: string; text: string };
  /** Send the session cookies instead of a header; csrf: false leaves out the X-CSRF-Token header. */
  cookie?: { csrf: boolean };
}

/**
 * A learner in the lesson runner, over real HTTP: what the playground would hold (the current
 * token, cookie mode, the inspector's last verification) and the learner's own requests, read
 * back from GET /api/traces exactly as the runner reads them. Whether a step is met is decided by
 * the shared evaluateCheck, the runner's own.
 */
export class Learner {
  readonly session = `lesson-${randomUUID()}`;
  token: string | undefined;
  cookieMode = false;
  verifiedWith: LessonState['verifiedWith'];
  private readonly cookies = new Map<string, { value: string; path: string }>();
  private baseline: ReadonlySet<string> | undefined;
  /** What the live stream brought since the lesson was opened (the runner keeps these too). */
  private readonly streamed = new Map<string, Trace>();
  private stream: AbortController | undefined;
  private connecting: Promise<void> = Promise.resolve();

  /** `origin`: where the API listens, for the live trace stream. */
  constructor(
    readonly testApp: TestApp,
    private readonly origin: string,
  ) {}

  /** Opens the lesson: the requests made so far are its baseline and never count. */
  async open(): Promise<void> {
    this.baseline = new Set((await this.allTraces()).map((trace) => trace.id));
    this.follow();
    await this.connecting;
  }

  /**
   * The runner's live stream (GET /api/traces/stream), opened with the current token and opened
   * again whenever it changes; a refused token follows the session's anonymous requests instead.
   */
  private follow(): void {
    this.stream?.abort();
    if (!this.baseline) return;
    const controller = new AbortController();
    this.stream = controller;
    const connect = async (withToken: boolean): Promise<Response | undefined> => {
      const headers: Record<string, string> = { [PLAYGROUND_SESSION_HEADER]: this.session };
      if (withToken && this.token) headers.authorization = `Bearer ${this.token}`;
      const response = await fetch(`${this.origin}/api/traces/stream`, {
        headers,
        signal: controller.signal,
      });
      if (response.status === 401 && withToken) return connect(false);
      return response.ok ? response : undefined;
    };
    const read = async (response: Response | undefined) => {
      if (!response?.body) return;
      let buffer = '';
      for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
        buffer += Buffer.from(chunk).toString('utf8');
        let end: number;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(message)?.[1];
          if (/^event: trace$/m.test(message) && data) {
            const trace = JSON.parse(data) as Trace;
            if (trace.owner.session === this.session) this.streamed.set(trace.id, trace);
          }
        }
      }
    };
    this.connecting = connect(true).then(
      (response) => {
        void read(response).catch(() => {});
      },
      () => {},
    );
  }

  /** Closes the live stream. */
  close(): void {
    this.stream?.abort();
  }

  async send(method: string, path: string, options: SendOptions = {}): Promise<TestResponse> {
    await this.connecting;
    const http = this.testApp.http;
    const request = (
      {
        GET: http.get,
        POST: http.post,
        PATCH: http.patch,
        PUT: http.put,
        DELETE: http.delete,
      } as const
    )[method as 'GET']
      .call(http, path)
      .set(PLAYGROUND_SESSION_HEADER, this.session);
    const as = options.as ?? 'token';
    if (options.cookie) {
      const cookies = [...this.cookies]
        .filter(([, cookie]) => path.startsWith(cookie.path))
        .map(([name, cookie]) => `${name}=${cookie.value}`);
      if (cookies.length > 0) request.set('Cookie', cookies.join('; '));
      const csrf = [...this.cookies].find(([name]) => name.endsWith('csrf'))?.[1].value;
      if (options.cookie.csrf && csrf && method !== 'GET') request.set(CSRF_HEADER, csrf);
    } else if (as === 'token') {
      if (this.token) request.set('Authorization', `Bearer ${this.token}`);
    } else if (as !== 'none') {
      request.set(
        'Authorization',
        'basic' in as
          ? `Basic ${Buffer.from(`${as.basic[0]}:${as.basic[1]}`).toString('base64')}`
          : as.authorization,
      );
    }
    if (options.raw) request.set('Content-Type', options.raw.contentType).send(options.raw.text);
    else if (options.body !== undefined) request.send(options.body as object);
    const response = await request;
    for (const cookie of parseSetCookies(response.headers['set-cookie']).values()) {
      const path = typeof cookie.attributes.path === 'string' ? cookie.attributes.path : '/';
      if (cookie.value === '' || cookie.attributes['max-age'] === '0')
        this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, { value: cookie.value, path });
    }
    return response;
  }

  /** A "Sign in as …" button: the demo account's password, the answer's token becomes the current one. */
  async signIn(username: string, mode: 'bearer' | 'cookie' = 'bearer'): Promise<TestResponse> {
    const demo = DEMO_USERS.find((user) => user.username === username)!;
    this.cookieMode = mode === 'cookie';
    const response = await this.send(
      'POST',
      `/api/auth/signin${mode === 'cookie' ? '?mode=cookie' : ''}`,
      { as: 'none', body: { username: demo.username, password: demo.password } },
    );
    if (response.status !== 200) throw new Error(`sign-in as ${username}: ${response.status}`);
    if (mode === 'bearer') this.useToken((response.body as { accessToken: string }).accessToken);
    else {
      this.token = undefined;
      this.follow();
    }
    return response;
  }

  /** "Use this token as my current token". */
  useToken(token: string): void {
    this.token = token;
    this.verifiedWith = undefined;
    this.follow();
  }

  /** The token inspector's HMAC check with a plain-text secret (what its "✓ Verified" means). */
  verifyWithSecret(secret: string): void {
    const [header, payload, signature = ''] = (this.token ?? '').split('.');
    const expected = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    this.verifiedWith =
      given.length === expected.length && timingSafeEqual(given, expected) ? 'secret' : undefined;
  }

  /**
   * The learner's requests, as the lesson runner loads them: with the current token (or the
   * session cookie), falling back to none when that is refused, kept to this playground session.
   */
  private async allTraces(): Promise<Trace[]> {
    const read = (withCredentials: boolean) =>
      this.send('GET', '/api/traces?limit=200', {
        ...(withCredentials && this.cookieMode ? { cookie: { csrf: false } } : {}),
        as: withCredentials ? 'token' : 'none',
      });
    let response = await read(true);
    if (response.status === 401) response = await read(false);
    expect(response.status).toBe(200);
    return (response.body as Trace[]).filter((trace) => trace.owner.session === this.session);
  }

  /** The list read now and what the stream brought, once each (the runner's mergeTraces). */
  private async knownTraces(): Promise<Trace[]> {
    // The stream delivers a trace when its response has finished; give the last one that moment.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const listed = await this.allTraces();
    const ids = new Set(listed.map((trace) => trace.id));
    return [...listed, ...[...this.streamed.values()].filter((trace) => !ids.has(trace.id))];
  }

  async state(): Promise<LessonState> {
    const [header, payload] = (this.token ?? '').split('.');
    const decoded = { header: decodeJoseSegment(header), claims: decodeJoseSegment(payload) };
    return {
      ...(decoded.header && decoded.claims
        ? { token: { header: decoded.header, claims: decoded.claims } }
        : {}),
      ...(this.verifiedWith ? { verifiedWith: this.verifiedWith } : {}),
      cookieMode: this.cookieMode,
      traces: tracesSinceBaseline(await this.knownTraces(), this.baseline),
    };
  }

  async meets(check: LessonCheck): Promise<boolean> {
    return evaluateCheck(check, await this.state());
  }

  /** Commits a prediction as the runner does: the request's traces known now never count. */
  async commit(knowledge: PredictKnowledge, option: number): Promise<KnowledgeAnswer> {
    return { option, seenTraceIds: tracesOfRequest(knowledge, (await this.state()).traces) };
  }

  /** The runner's verdict on a committed prediction, from the learner's traces now. */
  async judge(knowledge: PredictKnowledge, answer: KnowledgeAnswer): Promise<KnowledgeOutcome> {
    return evaluateKnowledge(knowledge, answer, (await this.state()).traces);
  }
}
