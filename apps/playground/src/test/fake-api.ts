import { vi } from 'vitest';
import type { ErrorBody, HealthResponse, TokenResponse, UserProfile } from '@authlab/shared';

/** base64url without padding (RFC 7515 §2), from UTF-8 text. */
export function base64url(text: string): string {
  const binary = Array.from(new TextEncoder().encode(text), (byte) => String.fromCharCode(byte)).join('');
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A token shaped like the API's: HS256 `at+jwt` header, the claims the API issues, 32-byte signature. */
export function fakeAccessToken(claims: Record<string, unknown>): string {
  const header = { alg: 'HS256', typ: 'at+jwt', kid: 'hs256-2025-1' };
  const signature = base64url('s'.repeat(32));
  return `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(claims))}.${signature}`;
}

const TRACE_ID = '4b0e7f0e-6a53-4d3b-9d9e-1f0c2b3a4d5e';

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'X-Trace-Id': TRACE_ID },
  });
}

function errorBody(statusCode: number, error: string, message: string): ErrorBody {
  return { statusCode, error, message, traceId: TRACE_ID };
}

const ACCOUNTS = [
  { id: 1, username: 'admin', password: 'admin-demo-password', role: 'admin', permissions: ['read', 'create', 'update', 'delete'] },
  { id: 2, username: 'editor', password: 'editor-demo-password', role: 'editor', permissions: ['read', 'create', 'update'] },
  { id: 3, username: 'writer', password: 'writer-demo-password', role: 'writer', permissions: ['read', 'create'] },
  { id: 4, username: 'user', password: 'user-demo-password', role: 'user', permissions: ['read'] },
] as const;

const CREATED_AT = '2025-11-27T18:32:00.000Z';

/**
 * A stand-in for `fetch` that answers like the authlab API in demo mode: health, sign-in with
 * the demo passwords, and /api/auth/me for tokens it issued. `wrongPasswords` makes sign-in fail.
 */
export function createFakeApi(options: { wrongPasswords?: boolean } = {}) {
  const issued = new Map<string, (typeof ACCOUNTS)[number]>();

  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const path = new URL(input instanceof Request ? input.url : String(input), 'http://playground.test').pathname;
    const method = init.method ?? 'GET';
    const headers = new Headers(init.headers);

    if (method === 'GET' && path === '/api/health') {
      return json(200, { status: 'ok', database: 'sqlite', uptimeSeconds: 42 } satisfies HealthResponse);
    }

    if (method === 'POST' && path === '/api/auth/signin') {
      const { username, password } = JSON.parse(init.body as string) as { username: string; password: string };
      const account = ACCOUNTS.find((candidate) => candidate.username === username);
      if (!account || account.password !== password || options.wrongPasswords) {
        return json(401, errorBody(401, 'Unauthorized', 'The username or password is incorrect.'));
      }
      const now = 1_764_268_320;
      const accessToken = fakeAccessToken({
        sub: String(account.id),
        username: account.username,
        role: account.role,
        iat: now,
        exp: now + 900,
        iss: 'authlab',
        aud: 'authlab-api',
        jti: `jti-${account.username}`,
      });
      issued.set(accessToken, account);
      const body: TokenResponse = {
        user: { id: account.id, username: account.username, role: account.role },
        accessToken,
        tokenType: 'Bearer',
        expiresIn: 900,
      };
      return json(200, body);
    }

    if (method === 'GET' && path === '/api/auth/me') {
      const token = headers.get('Authorization')?.replace(/^Bearer /, '') ?? '';
      const account = issued.get(token);
      if (!account) return json(401, errorBody(401, 'Unauthorized', 'The access token is invalid.'));
      const body: UserProfile = {
        id: account.id,
        username: account.username,
        role: account.role,
        permissions: [...account.permissions],
        createdAt: CREATED_AT,
      };
      return json(200, body);
    }

    return json(404, errorBody(404, 'Not Found', `No route ${method} ${path}.`));
  });

  return { fetch, traceId: TRACE_ID };
}
