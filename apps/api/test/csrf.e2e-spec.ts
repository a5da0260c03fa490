import { CSRF_HEADER } from '@authlab/shared';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { cookieHeader } from './support/cookies.js';
import {
  createAccount,
  signInForBody,
  signInForCookies,
  type Account,
  type CookieSession,
} from './support/sessions.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The host the requests claim to reach; its origin is the API's own (no PUBLIC_ORIGIN here). */
const HOST = 'authlab.test:3000';
const OWN_ORIGIN = `http://${HOST}`;
const PLAYGROUND_DEV_ORIGIN = 'http://localhost:5173';
const article = { title: 'Posted with a cookie', body: 'Text' };

describe('CSRF defence for cookie-authenticated, state-changing requests', () => {
  let testApp: TestApp;
  let account: Account;
  let session: CookieSession;
  let otherSession: CookieSession;

  /** A POST /api/articles as a browser page would send it, with the session cookies. */
  function post(
    session: CookieSession,
    headers: Record<string, string> = {},
    cookies: Record<string, string> = {},
  ) {
    return testApp.http
      .post('/api/articles')
      .set('Host', HOST)
      .set(
        'Cookie',
        cookieHeader({ authlab_access: session.access, authlab_csrf: session.csrf, ...cookies }),
      )
      .set(headers)
      .send(article);
  }

  beforeAll(async () => {
    // The name it is reached at is allowed (ALLOWED_HOSTS): the own origin comes from there.
    testApp = await startTestApp({ allowedHosts: [HOST] });
    account = await createAccount(testApp, 'writer');
    otherSession = await signInForCookies(testApp, await createAccount(testApp, 'writer'));
  });
  beforeEach(async () => {
    session = await signInForCookies(testApp, account);
  });
  afterAll(() => testApp?.close());

  it('lets a same-origin request with the matching X-CSRF-Token through', async () => {
    await post(session, {
      Origin: OWN_ORIGIN,
      'Sec-Fetch-Site': 'same-origin',
      [CSRF_HEADER]: session.csrfToken,
    }).expect(201);
  });

  it('lets the playground’s dev server (a CORS-allowed origin on the same site) through', async () => {
    await post(session, {
      Origin: PLAYGROUND_DEV_ORIGIN,
      'Sec-Fetch-Site': 'same-site',
      [CSRF_HEADER]: session.csrfToken,
    }).expect(201);
  });

  it('lets a non-browser client (no Origin, no Sec-Fetch-Site) through on the token alone', async () => {
    await post(session, { [CSRF_HEADER]: session.csrfToken }).expect(201);
  });

  it.each([
    [
      'the X-CSRF-Token header is missing',
      () => ({ Origin: OWN_ORIGIN }),
      'the X-CSRF-Token header is missing',
    ],
    ['the header is empty', () => ({ [CSRF_HEADER]: '' }), 'the X-CSRF-Token header is missing'],
    [
      'the header is a guess',
      () => ({ [CSRF_HEADER]: 'A'.repeat(43) }),
      'does not repeat the CSRF cookie',
    ],
    [
      'the header holds the access token',
      (s: CookieSession) => ({ [CSRF_HEADER]: s.access }),
      'does not repeat the CSRF cookie',
    ],
    [
      'Origin is another site',
      (s: CookieSession) => ({ Origin: 'https://evil.example', [CSRF_HEADER]: s.csrfToken }),
      'Origin https://evil.example',
    ],
    [
      'Origin is "null" (a sandboxed frame or a data: page)',
      (s: CookieSession) => ({ Origin: 'null', [CSRF_HEADER]: s.csrfToken }),
      'Origin null',
    ],
    [
      'Origin is our host over another scheme',
      (s: CookieSession) => ({ Origin: `https://${HOST}`, [CSRF_HEADER]: s.csrfToken }),
      'is not a trusted origin',
    ],
    [
      'Sec-Fetch-Site says cross-site',
      (s: CookieSession) => ({ 'Sec-Fetch-Site': 'cross-site', [CSRF_HEADER]: s.csrfToken }),
      'another site',
    ],
    [
      'same-site without an Origin',
      (s: CookieSession) => ({ 'Sec-Fetch-Site': 'same-site', [CSRF_HEADER]: s.csrfToken }),
      'without an Origin',
    ],
  ])('refuses with 403 when %s, and writes nothing', async (_case, headers, reason) => {
    const before = (
      await testApp.http
        .get('/api/articles')
        .set('Cookie', cookieHeader({ authlab_access: session.access }))
    ).body.length as number;
    const response = await post(session, headers(session)).expect(403);
    expect(response.body.message).toContain('The CSRF check failed');
    expect(response.body.message).toContain(reason);
    const after = (
      await testApp.http
        .get('/api/articles')
        .set('Cookie', cookieHeader({ authlab_access: session.access }))
    ).body.length as number;
    expect(after).toBe(before);
  });

  it('refuses a CSRF cookie planted from another session, even when the header repeats it', async () => {
    // Cookie tossing: an attacker sets their own CSRF cookie and sends the matching header.
    const response = await post(
      session,
      { [CSRF_HEADER]: otherSession.csrfToken },
      { authlab_csrf: otherSession.csrf },
    ).expect(403);
    expect(response.body.message).toContain('belongs to another session');
  });

  it('refuses a request without the CSRF cookie', async () => {
    const response = await testApp.http
      .post('/api/articles')
      .set('Cookie', cookieHeader({ authlab_access: session.access }))
      .set(CSRF_HEADER, session.csrfToken)
      .send(article)
      .expect(403);
    expect(response.body.message).toContain('the CSRF cookie is missing');
  });

  it('asks nothing of safe methods, nor of requests authenticated by the Authorization header', async () => {
    await testApp.http
      .get('/api/articles')
      .set('Cookie', cookieHeader({ authlab_access: session.access }))
      .set('Origin', 'https://evil.example')
      .expect(200);
    const bearer = await signInForBody(testApp, account);
    await testApp.http
      .post('/api/articles')
      .set('Authorization', `Bearer ${bearer.accessToken}`)
      .set('Origin', 'https://evil.example')
      .send(article)
      .expect(201);
  });

  it('guards sign-out by cookie: a forged sign-out changes nothing', async () => {
    await testApp.http
      .post('/api/auth/signout')
      .set('Cookie', cookieHeader({ authlab_access: session.access, authlab_csrf: session.csrf }))
      .expect(403);
    await testApp.http
      .get('/api/auth/me')
      .set('Cookie', cookieHeader({ authlab_access: session.access }))
      .expect(200);
    await testApp.http
      .post('/api/auth/signout')
      .set('Cookie', cookieHeader({ authlab_access: session.access, authlab_csrf: session.csrf }))
      .set(CSRF_HEADER, session.csrfToken)
      .expect(204);
    await testApp.http
      .get('/api/auth/me')
      .set('Cookie', cookieHeader({ authlab_access: session.access }))
      .expect(401);
  });

  it('guards refresh by cookie, and a refused refresh does not use the refresh token up', async () => {
    const refreshCookies = cookieHeader({
      authlab_refresh: session.refresh,
      authlab_csrf: session.csrf,
    });
    const forged = await testApp.http
      .post('/api/auth/refresh')
      .set('Cookie', refreshCookies)
      .set('Origin', 'https://evil.example')
      .set(CSRF_HEADER, session.csrfToken)
      .expect(403);
    expect(forged.body.message).toContain('Origin https://evil.example');
    await testApp.http.post('/api/auth/refresh').set('Cookie', refreshCookies).expect(403);
    await testApp.http
      .post('/api/auth/refresh')
      .set('Cookie', refreshCookies)
      .set(CSRF_HEADER, session.csrfToken)
      .expect(200);
  });
});

describe('CORS for foreign origins', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp?.close());

  it('gives a foreign origin no CORS allowance, with or without credentials', async () => {
    const preflight = await testApp.http
      .options('/api/articles')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-csrf-token');
    const withCookie = await testApp.http
      .get('/api/auth/cookies')
      .set('Origin', 'https://evil.example')
      .set('Cookie', 'authlab_access=a.b.c');
    for (const response of [preflight, withCookie]) {
      expect(response.headers['access-control-allow-origin']).toBeUndefined();
      expect(response.headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('lets the allowed origin send the X-CSRF-Token header, with credentials', async () => {
    const preflight = await testApp.http
      .options('/api/articles')
      .set('Origin', PLAYGROUND_DEV_ORIGIN)
      .set('Access-Control-Request-Method', 'POST')
      .set('Access-Control-Request-Headers', 'content-type,x-csrf-token');
    expect(preflight.headers['access-control-allow-origin']).toBe(PLAYGROUND_DEV_ORIGIN);
    expect(preflight.headers['access-control-allow-credentials']).toBe('true');
    expect(preflight.headers['access-control-allow-headers']?.toLowerCase()).toContain(
      'x-csrf-token',
    );
  });
});
