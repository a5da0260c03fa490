import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeader } from './support/cookies.js';
import {
  createAccount,
  signInForBody,
  signInForCookies,
  type BodySession,
  type CookieSession,
} from './support/sessions.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { PASSWORD } from './support/users.js';

const ERROR_KEYS = ['error', 'message', 'statusCode', 'traceId'];

/** superagent sends one field line per array item; its types allow arrays for Cookie only. */
const authorizationLines = (...values: string[]) =>
  ({ Authorization: values }) as unknown as Record<string, string>;

/** The status line and headers of an answer to exactly these request bytes. */
async function rawRequest(
  testApp: TestApp,
  head: string,
): Promise<{ status: number; headers: string; body: string }> {
  const server = testApp.app.getHttpServer();
  if (!server.listening) await new Promise<void>((resolve) => server.listen(0, resolve));
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.end(head));
    let text = '';
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [headers = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(headers.split(' ')[1]), headers, body });
    });
  });
}

/**
 * RFC 9110 §5.3: Authorization is not a list, so a second field line makes the request
 * ambiguous — a proxy may act on one and the API on the other. Node keeps only the first in
 * `request.headers`; the API counts the raw lines. Two access cookies of one name are just as
 * ambiguous: a page on another port of the same host can add its own (cookie tossing).
 */
describe('one credential per request', () => {
  let testApp: TestApp;
  let victim: BodySession;
  let attacker: BodySession;
  let victimCookies: CookieSession;
  let attackerCookies: CookieSession;

  beforeAll(async () => {
    testApp = await startTestApp();
    const victimAccount = await createAccount(testApp, 'writer');
    const attackerAccount = await createAccount(testApp, 'writer');
    victim = await signInForBody(testApp, victimAccount);
    attacker = await signInForBody(testApp, attackerAccount);
    victimCookies = await signInForCookies(testApp, victimAccount);
    attackerCookies = await signInForCookies(testApp, attackerAccount);
  });
  afterAll(() => testApp?.close());

  const expectInvalidRequest = (response: {
    status: number;
    body: Record<string, unknown>;
    headers: Record<string, string | string[] | undefined>;
  }) => {
    expect(response.status).toBe(400);
    expect(Object.keys(response.body).sort()).toEqual(ERROR_KEYS);
    expect(response.headers['www-authenticate']).toMatch(
      /^Bearer realm="authlab", error="invalid_request"/,
    );
  };

  it('refuses two Authorization headers with 400 invalid_request, even when both carry the same token', async () => {
    for (const second of [attacker.accessToken, victim.accessToken]) {
      const response = await testApp.http
        .get('/api/auth/me')
        .set(authorizationLines(`Bearer ${victim.accessToken}`, `Bearer ${second}`));
      expectInvalidRequest(response);
      expect(response.body.message).toBe(
        'Send one Authorization header, not several: which one counts would be ambiguous.',
      );
    }
    // One header still works: the control.
    await testApp.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${victim.accessToken}`)
      .expect(200);
  });

  it('counts the raw field lines, whatever their case, on a route that also serves anonymous callers', async () => {
    const response = await rawRequest(
      testApp,
      [
        'GET /api/traces HTTP/1.1',
        'Host: 127.0.0.1',
        `authorization: Bearer ${attacker.accessToken}`,
        `AUTHORIZATION: Bearer ${victim.accessToken}`,
        'Connection: close',
        '',
        '',
      ].join('\r\n'),
    );
    expect(response.status).toBe(400);
    expect(response.headers).toMatch(
      /\r\nWWW-Authenticate: Bearer realm="authlab", error="invalid_request"/i,
    );
    expect(JSON.parse(response.body)).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('refuses two Basic headers at sign-in and at the token endpoint', async () => {
    const account = await createAccount(testApp);
    const basic = (user: string, password: string) =>
      `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    const signIn = await testApp.http
      .post('/api/auth/signin')
      .set(authorizationLines(basic(account.username, PASSWORD), basic('someone', 'else')));
    expect(signIn.status).toBe(400);
    expect(signIn.body.message).toBe(
      'Send one Authorization header, not several: which one counts would be ambiguous.',
    );
    expect(signIn.body.accessToken).toBeUndefined();

    const token = await testApp.http
      .post('/api/oauth/token')
      .type('form')
      .set(authorizationLines(basic('cl_a', 'one'), basic('cl_b', 'two')))
      .send({ grant_type: 'client_credentials' });
    expect(token.status).toBe(400);
    expect(token.body.error).toBe('invalid_request');
  });

  it('refuses two access-token cookies of the same name (cookie tossing) instead of taking the first', async () => {
    // The attacker's cookies first, as a browser orders those with a more specific Path; the
    // page echoes the first CSRF cookie it reads, which is the attacker's too.
    const tossed = [
      cookieHeader({ authlab_access: attackerCookies.access, authlab_csrf: attackerCookies.csrf }),
      cookieHeader({ authlab_access: victimCookies.access, authlab_csrf: victimCookies.csrf }),
    ].join('; ');
    const write = await testApp.http
      .post('/api/articles')
      .set('Cookie', tossed)
      .set('X-CSRF-Token', attackerCookies.csrfToken)
      .send({ title: 'Written as whom?', body: 'Neither, it must be.' });
    expectInvalidRequest(write);
    expect(write.body.message).toBe(
      'Two access-token cookies arrived; which one counts would be ambiguous, so neither does.',
    );
    const read = await testApp.http.get('/api/auth/me').set('Cookie', tossed);
    expectInvalidRequest(read);

    // Two Cookie field lines reach the API as one list, and count the same.
    const split = await rawRequest(
      testApp,
      [
        'GET /api/auth/me HTTP/1.1',
        'Host: 127.0.0.1',
        `Cookie: authlab_access=${attackerCookies.access}`,
        `Cookie: authlab_access=${victimCookies.access}`,
        'Connection: close',
        '',
        '',
      ].join('\r\n'),
    );
    expect(split.status).toBe(400);

    // One access cookie still works: the control.
    await testApp.http
      .get('/api/auth/me')
      .set('Cookie', cookieHeader({ authlab_access: victimCookies.access }))
      .expect(200);
  });

  it('refuses two refresh-token cookies of the same name', async () => {
    const response = await testApp.http
      .post('/api/auth/refresh')
      .set(
        'Cookie',
        `authlab_refresh=${attackerCookies.refresh}; authlab_csrf=${attackerCookies.csrf}; authlab_refresh=${victimCookies.refresh}; authlab_csrf=${victimCookies.csrf}`,
      )
      .set('X-CSRF-Token', attackerCookies.csrfToken);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('invalid_request');
    // Neither refresh token was used up.
    for (const session of [victimCookies, attackerCookies]) {
      await testApp.http
        .post('/api/auth/refresh')
        .set(
          'Cookie',
          cookieHeader({ authlab_refresh: session.refresh, authlab_csrf: session.csrf }),
        )
        .set('X-CSRF-Token', session.csrfToken)
        .expect(200);
    }
  });
});
