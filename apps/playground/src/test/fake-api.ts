import { vi } from 'vitest';
import {
  articlePolicy,
  CSRF_COOKIE,
  PLAYGROUND_SESSION_HEADER,
  permissionsOf,
  type CookieEchoResponse,
  type ErrorBody,
  type HealthResponse,
  type Role,
  type RouteMetadata,
  type TokenResponse,
  type Trace,
  type TraceEvent,
  type TraceOwner,
  type UserProfile,
} from '@authlab/shared';
import { signHmacJws } from '../lib/jws';
import { playgroundSessionId } from '../lib/playground-session';

/** base64url without padding (RFC 7515 §2), from UTF-8 text. */
export function base64url(text: string): string {
  const binary = Array.from(new TextEncoder().encode(text), (byte) =>
    String.fromCharCode(byte),
  ).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A token shaped like the API's: HS256 `at+jwt` header, the claims the API issues, 32-byte signature. */
export function fakeAccessToken(claims: Record<string, unknown>): string {
  const header = { alg: 'HS256', typ: 'at+jwt', kid: 'hs256-2025-1' };
  const signature = base64url('s'.repeat(32));
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${signature}`;
}

/** The fake API's JWT_SECRET: base64 of 32 bytes, as the real one is. */
export const FAKE_SECRET = btoa(String.fromCharCode(...new Uint8Array(32).fill(7)));

/** A token signed for real with FAKE_SECRET (HS256), so signature checks have something to verify. */
export function signedAccessToken(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = {},
): Promise<string> {
  return signHmacJws(
    { alg: 'HS256', typ: 'at+jwt', kid: 'hs256-2025-1', ...header },
    claims,
    FAKE_SECRET,
    'base64',
  );
}

const TRACE_ID = '4b0e7f0e-6a53-4d3b-9d9e-1f0c2b3a4d5e';

function errorBody(
  statusCode: number,
  error: string,
  message: string,
  traceId = TRACE_ID,
): ErrorBody {
  return { statusCode, error, message, traceId };
}

export const ACCOUNTS = [
  { id: 1, username: 'admin', password: 'admin-demo-password', role: 'admin' },
  { id: 2, username: 'editor', password: 'editor-demo-password', role: 'editor' },
  { id: 3, username: 'writer', password: 'writer-demo-password', role: 'writer' },
  { id: 4, username: 'user', password: 'user-demo-password', role: 'user' },
] as const satisfies ReadonlyArray<{ id: number; username: string; password: string; role: Role }>;

type Account = (typeof ACCOUNTS)[number];

const CREATED_AT = '2025-11-27T18:32:00.000Z';

export const FAKE_ROUTES: RouteMetadata[] = [
  route('GET', '/api/health', { public: true, summary: 'Liveness and database' }),
  route('GET', '/api/articles', { permissions: ['read'], summary: 'List articles' }),
  route('DELETE', '/api/articles/:id', { permissions: ['delete'], summary: 'Delete an article' }),
  route('GET', '/api/users', { roles: ['admin'], summary: 'List accounts' }),
];

function route(method: string, path: string, rule: Partial<RouteMetadata>): RouteMetadata {
  return {
    method,
    path,
    controller: 'FakeController',
    handler: 'handle',
    public: false,
    optionalAuth: false,
    roles: null,
    permissions: null,
    policy: null,
    guards: ['JwtAuthGuard', 'RolesGuard'],
    interceptors: [],
    pipes: [],
    ...rule,
  };
}

function event(
  step: string,
  kind: TraceEvent['kind'],
  outcome: TraceEvent['outcome'],
  reason: string,
  startMs: number,
  extra: Partial<TraceEvent> = {},
): TraceEvent {
  return { step, kind, startMs, durationMs: 0.2, outcome, reason, ...extra };
}

export interface FakeApiOptions {
  wrongPasswords?: boolean;
  /** Answer GET /api/lab with two exercises, as an API started with --lab does. */
  withLab?: boolean;
  /** How far the simulated clock starts ahead, in seconds. */
  clockOffsetSeconds?: number;
  /** Answer 404 to /api/traces*, /api/meta/routes and cookie mode, as an API without them would. */
  withoutTracing?: boolean;
}

/**
 * A stand-in for `fetch` that answers like the authlab API in demo mode: health, sign-in (body or
 * cookie mode), /api/auth/me, articles and users with RBAC, route metadata, and a trace for
 * every request (by id, recent, and a live stream the test can push to).
 */
export function createFakeApi(options: FakeApiOptions = {}) {
  const issued = new Map<string, Account>();
  const traces: Trace[] = [];
  let counter = 0;
  let cookieAccount: Account | undefined;
  let clockOffsetSeconds = options.clockOffsetSeconds ?? 0;
  const streams: ReadableStreamDefaultController<Uint8Array>[] = [];
  /** Who made the request being answered: its traces belong to that playground session. */
  let requestOwner: TraceOwner = {};

  function record(
    trace: Omit<Trace, 'id' | 'startedAt' | 'durationMs' | 'owner'>,
    owner: TraceOwner = requestOwner,
  ): string {
    counter += 1;
    const id =
      counter === 1 ? TRACE_ID : `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
    const full: Trace = {
      id,
      startedAt: '2025-11-27T18:40:00.000Z',
      durationMs: 1.5,
      owner,
      ...trace,
    };
    traces.unshift(full);
    for (const stream of streams)
      stream.enqueue(new TextEncoder().encode(`event: trace\ndata: ${JSON.stringify(full)}\n\n`));
    return id;
  }

  function respond(
    status: number,
    body: unknown,
    traceId: string,
    headers: Record<string, string> = {},
  ): Response {
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: {
        'Content-Type': 'application/json; charset=utf-8',
        'X-Trace-Id': traceId,
        ...headers,
      },
    });
  }

  function authenticate(
    method: string,
    path: string,
    headers: Headers,
    rule: Partial<RouteMetadata>,
  ): { account: Account } | { response: Response } {
    const events: TraceEvent[] = [
      event('requestId', 'middleware', 'pass', 'Gave the request an id.', 0),
    ];
    const bearer = headers.get('Authorization')?.replace(/^Bearer /, '');
    const account = bearer ? issued.get(bearer) : cookieAccount;
    if (!account) {
      events.push(
        event(
          'JwtAuthGuard',
          'guard',
          'deny',
          'No access token was sent: 401 with a bare Bearer challenge.',
          0.3,
        ),
      );
      events.push(
        event('AllExceptionsFilter', 'filter', 'deny', 'Answered 401 Unauthorized.', 0.6),
      );
      const id = record({
        method,
        path,
        status: 401,
        events,
        decidedBy: {
          step: 'JwtAuthGuard',
          kind: 'guard',
          reason: 'No access token was sent: 401 with a bare Bearer challenge.',
        },
      });
      return {
        response: respond(
          401,
          errorBody(401, 'Unauthorized', 'This route needs an access token.', id),
          id,
          { 'WWW-Authenticate': 'Bearer realm="authlab"' },
        ),
      };
    }
    events.push(
      event(
        'JwtAuthGuard',
        'guard',
        'pass',
        `Valid access token for ${account.username} (role ${account.role}).`,
        0.3,
        {
          checks: [
            { name: 'signature', ok: true, text: 'verified with the configured HS256 key' },
            { name: 'exp', ok: true, text: 'expires in 14 min 59 s' },
          ],
        },
      ),
    );
    const missing = (rule.permissions ?? []).filter(
      (permission) => !permissionsOf(account.role).includes(permission),
    );
    const roleRefused = rule.roles && !rule.roles.includes(account.role);
    if (missing.length > 0 || roleRefused) {
      const reason = roleRefused
        ? `This route is for the ${rule.roles!.join(' or ')} role; your role is ${account.role}. (403)`
        : `Your role (${account.role}) lacks the "${missing.join('", "')}" permission this route requires. (403)`;
      events.push(
        event('RolesGuard', 'guard', 'deny', reason, 0.5, {
          detail: { role: account.role, held: [...permissionsOf(account.role)] },
        }),
      );
      events.push(event('AllExceptionsFilter', 'filter', 'deny', 'Answered 403 Forbidden.', 0.7));
      const id = record({
        method,
        path,
        status: 403,
        events,
        decidedBy: { step: 'RolesGuard', kind: 'guard', reason },
      });
      return {
        response: respond(
          403,
          errorBody(403, 'Forbidden', reason.replace(/ \(403\)$/, ''), id),
          id,
        ),
      };
    }
    return { account };
  }

  function passTrace(
    method: string,
    path: string,
    account: Account,
    status: number,
    extra: Partial<Trace> = {},
  ): string {
    return record({
      method,
      path,
      status,
      events: [
        event('requestId', 'middleware', 'pass', 'Gave the request an id.', 0),
        event('JwtAuthGuard', 'guard', 'pass', `Valid access token for ${account.username}.`, 0.3),
        event('RolesGuard', 'guard', 'pass', `Role ${account.role} may.`, 0.5),
        event('handler', 'handler', 'pass', 'Answered.', 0.8),
      ],
      ...extra,
    });
  }

  const fetch = vi.fn(
    async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
      const url = new URL(
        input instanceof Request ? input.url : String(input),
        'http://playground.test',
      );
      const path = url.pathname;
      const method = init.method ?? 'GET';
      const headers = new Headers(init.headers);
      const session = headers.get(PLAYGROUND_SESSION_HEADER);
      requestOwner = session ? { session } : {};

      if (method === 'GET' && path === '/api/health') {
        return respond(
          200,
          { status: 'ok', database: 'sqlite', uptimeSeconds: 42 } satisfies HealthResponse,
          TRACE_ID,
        );
      }

      if (
        options.withoutTracing &&
        (path.startsWith('/api/traces') ||
          path === '/api/meta/routes' ||
          url.search.includes('mode=cookie'))
      ) {
        return respond(404, errorBody(404, 'Not Found', `Cannot ${method} ${path}`), TRACE_ID);
      }

      if (method === 'POST' && path === '/api/auth/signin') {
        const { username, password } = JSON.parse(init.body as string) as {
          username: string;
          password: string;
        };
        const account = ACCOUNTS.find((candidate) => candidate.username === username);
        if (!account || account.password !== password || options.wrongPasswords) {
          return respond(
            401,
            errorBody(401, 'Unauthorized', 'The username or password is incorrect.'),
            TRACE_ID,
          );
        }
        const cookieMode = url.searchParams.get('mode') === 'cookie';
        const now = 1_764_268_320;
        const accessToken = await signedAccessToken({
          sub: String(account.id),
          username: account.username,
          role: account.role,
          iat: now,
          exp: now + 900,
          iss: 'authlab',
          aud: 'authlab-api',
          jti: `jti-${account.username}-${counter}`,
        });
        const user = { id: account.id, username: account.username, role: account.role };
        if (cookieMode) {
          cookieAccount = account;
          document.cookie = `${CSRF_COOKIE}=csrf-${account.username}; path=/`;
          const id = record({
            method,
            path,
            status: 200,
            events: [event('handler', 'handler', 'pass', 'Signed in.', 0.1)],
            setCookies: [
              {
                name: 'authlab_access',
                attributes: { 'Max-Age': '900', Path: '/', HttpOnly: true, SameSite: 'Strict' },
              },
              {
                name: CSRF_COOKIE,
                attributes: { 'Max-Age': '604800', Path: '/', SameSite: 'Strict' },
              },
            ],
          });
          return respond(
            200,
            {
              user,
              tokenDelivery: 'cookie',
              expiresIn: 900,
              refreshExpiresIn: 604_800,
              csrfToken: `csrf-${account.username}`,
            },
            id,
          );
        }
        issued.set(accessToken, account);
        const body: TokenResponse = {
          user,
          accessToken,
          tokenType: 'Bearer',
          expiresIn: 900,
          refreshToken: 'r'.repeat(43),
          refreshExpiresIn: 604_800,
        };
        return respond(200, body, TRACE_ID);
      }

      if (method === 'GET' && path === '/api/auth/cookies') {
        const body: CookieEchoResponse = {
          cookies: cookieAccount
            ? [
                { name: 'authlab_access', length: 300, setByApi: true, httpOnly: true },
                {
                  name: CSRF_COOKIE,
                  length: 10,
                  setByApi: true,
                  httpOnly: false,
                  value: `csrf-${cookieAccount.username}`,
                },
              ]
            : [],
        };
        return respond(200, body, TRACE_ID);
      }

      if (method === 'GET' && path === '/api/auth/me') {
        const auth = authenticate(method, path, headers, {
          roles: ['user', 'writer', 'editor', 'admin'],
        });
        if ('response' in auth) return auth.response;
        const { account } = auth;
        const body: UserProfile = {
          id: account.id,
          username: account.username,
          role: account.role,
          permissions: [...permissionsOf(account.role)],
          createdAt: CREATED_AT,
        };
        return respond(200, body, passTrace(method, path, account, 200));
      }

      if (path === '/api/meta/routes')
        return respond(200, { routes: FAKE_ROUTES, articlePolicy: articlePolicy() }, TRACE_ID);

      if (method === 'GET' && path === '/api/clock') {
        return respond(
          200,
          {
            now: new Date(Date.now() + clockOffsetSeconds * 1000).toISOString(),
            offsetSeconds: clockOffsetSeconds,
            adjustable: true,
          },
          TRACE_ID,
        );
      }
      if (
        method === 'POST' &&
        (path === '/api/clock/advance' || path === '/api/clock/reset' || path === '/api/demo/reset')
      ) {
        const auth = authenticate(method, path, headers, { roles: ['admin'] });
        if ('response' in auth) return auth.response;
        if (path === '/api/demo/reset')
          return respond(
            200,
            { users: 4, articles: 3 },
            passTrace(method, path, auth.account, 200),
          );
        clockOffsetSeconds =
          path === '/api/clock/reset'
            ? 0
            : clockOffsetSeconds + (JSON.parse(init.body as string) as { seconds: number }).seconds;
        const body = {
          now: new Date(Date.now() + clockOffsetSeconds * 1000).toISOString(),
          offsetSeconds: clockOffsetSeconds,
          adjustable: true,
        };
        return respond(200, body, passTrace(method, path, auth.account, 200));
      }
      if (method === 'GET' && path === '/api/lab') {
        if (!options.withLab)
          return respond(404, errorBody(404, 'Not Found', 'Cannot GET /api/lab'), TRACE_ID);
        return respond(
          200,
          [
            { id: 'alg-none', title: 'alg: none' },
            { id: 'weak-secret', title: 'A guessable HMAC secret' },
          ],
          TRACE_ID,
        );
      }

      if (path === '/api/traces/stream') {
        const stream = new ReadableStream<Uint8Array>({
          start(controller) {
            streams.push(controller);
          },
        });
        return new Response(stream, {
          status: 200,
          headers: { 'Content-Type': 'text/event-stream' },
        });
      }
      if (path === '/api/traces') return respond(200, traces.slice(0, 30), TRACE_ID);
      if (path.startsWith('/api/traces/')) {
        const trace = traces.find(
          (candidate) => candidate.id === path.slice('/api/traces/'.length),
        );
        return trace
          ? respond(200, trace, TRACE_ID)
          : respond(404, errorBody(404, 'Not Found', 'No trace that you may see.'), TRACE_ID);
      }

      const matched = FAKE_ROUTES.find(
        (candidate) =>
          candidate.method === method &&
          new RegExp(`^${candidate.path.replace(/:[^/]+/g, '[^/]+')}$`).test(path),
      );
      if (matched) {
        const auth = authenticate(method, path, headers, matched);
        if ('response' in auth) return auth.response;
        const status = method === 'DELETE' ? 204 : 200;
        return respond(
          status,
          status === 204 ? undefined : [],
          passTrace(method, path, auth.account, status, { route: matched.path }),
        );
      }

      return respond(404, errorBody(404, 'Not Found', `No route ${method} ${path}.`), TRACE_ID);
    },
  );

  /**
   * Sends a trace down every open live stream, as the API does when a request finishes. By
   * default the request was this browser's; pass another owner for a classmate's.
   */
  function pushTrace(
    trace: Omit<Trace, 'id' | 'startedAt' | 'durationMs' | 'owner'>,
    owner: TraceOwner = { session: playgroundSessionId() },
  ): string {
    return record(trace, owner);
  }

  return { fetch, traceId: TRACE_ID, traces, pushTrace };
}
