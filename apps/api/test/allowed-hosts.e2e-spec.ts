import { CSRF_HEADER, type ErrorBody } from '@authlab/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeader } from './support/cookies.js';
import { createAccount, signInForCookies } from './support/sessions.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * DNS rebinding: a page at http://attacker.example:3000 whose name the attacker re-points at
 * 127.0.0.1 reaches the loopback API from the victim's browser, which still sends
 * `Host: attacker.example:3000`. The API answers only the names it is reached by.
 */
describe('Host header allow-list (DNS rebinding, RFC 9110 §7.4)', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ allowedHosts: ['authlab.lan', '10.0.0.5:8080'] });
  });
  afterAll(() => testApp?.close());

  it.each([
    'attacker.example',
    'attacker.example:3000',
    'localhost.attacker.example:3000',
    '127.0.0.1.nip.io:3000',
    '10.0.0.5:3000',
  ])('answers Host: %s with 421 in the one error shape, before any route runs', async (host) => {
    for (const request of [
      testApp.http.get('/api/health'),
      testApp.http.post('/api/auth/signin').send({ username: 'admin', password: 'x' }),
      testApp.http.get('/api/traces/stream'),
    ]) {
      const response = await request.set('Host', host).expect(421);
      const body = response.body as ErrorBody;
      expect(body).toEqual({
        statusCode: 421,
        error: 'Misdirected Request',
        message: expect.stringMatching(/does not answer to that host name/),
        traceId: response.headers['x-trace-id'],
      });
      expect(JSON.stringify(body)).not.toMatch(/at .*\.js|stack/);
    }
  });

  it.each([
    'localhost:3000',
    '127.0.0.1:41234',
    '[::1]:3000',
    'LOCALHOST',
    'authlab.lan:3000',
    '10.0.0.5:8080',
  ])('answers the allowed Host: %s', async (host) => {
    await testApp.http.get('/api/health').set('Host', host).expect(200);
  });

  it('takes the CSRF "own origin" from the allowed names and the listening port, not from Host', async () => {
    const session = await signInForCookies(testApp, await createAccount(testApp, 'writer'));
    // A page of another program on this machine (any loopback port is an allowed Host name)
    // sends Host and Origin naming its own port; the API listens on another one.
    const response = await testApp.http
      .post('/api/articles')
      .set('Host', 'localhost:8081')
      .set('Origin', 'http://localhost:8081')
      .set('Cookie', cookieHeader({ authlab_access: session.access, authlab_csrf: session.csrf }))
      .set(CSRF_HEADER, session.csrfToken)
      .send({ title: 'Planted', body: 'x' })
      .expect(403);
    expect((response.body as ErrorBody).message).toBe(
      'The CSRF check failed: Origin http://localhost:8081 is not a trusted origin.',
    );
  });

  it('still trusts an ALLOWED_HOSTS name as the own origin', async () => {
    const session = await signInForCookies(testApp, await createAccount(testApp, 'writer'));
    await testApp.http
      .post('/api/articles')
      .set('Host', 'authlab.lan')
      .set('Origin', 'http://authlab.lan')
      .set('Cookie', cookieHeader({ authlab_access: session.access, authlab_csrf: session.csrf }))
      .set(CSRF_HEADER, session.csrfToken)
      .send({ title: 'From the LAN name', body: 'x' })
      .expect(201);
  });
});

describe('Host header allow-list with PUBLIC_ORIGIN', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({
      publicOrigin: 'https://authlab.example',
      cookies: { secure: true },
    });
  });
  afterAll(() => testApp?.close());

  it('answers the public origin’s host and loopback, and nothing else by default', async () => {
    await testApp.http.get('/api/health').set('Host', 'authlab.example').expect(200);
    await testApp.http.get('/api/health').set('Host', '127.0.0.1:3000').expect(200);
    await testApp.http.get('/api/health').set('Host', 'authlab.lan').expect(421);
  });
});
