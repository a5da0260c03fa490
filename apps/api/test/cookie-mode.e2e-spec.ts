import { CSRF_HEADER } from '@authlab/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cookieHeader, parseSetCookies } from './support/cookies.js';
import {
  createAccount,
  signInForBody,
  signInForCookies,
  type Account,
  type CookieSession,
} from './support/sessions.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { decodePayload, withPayload } from './support/tokens.js';
import { PASSWORD } from './support/users.js';

const INVALID_REQUEST = /^Bearer realm="authlab", error="invalid_request"/;

describe('cookie mode over local HTTP', () => {
  let testApp: TestApp;
  let account: Account;
  let session: CookieSession;
  const withAccessCookie = (access: string) => cookieHeader({ authlab_access: access });

  beforeAll(async () => {
    testApp = await startTestApp();
    account = await createAccount(testApp, 'writer');
    session = await signInForCookies(testApp, account);
  });
  afterAll(() => testApp?.close());

  it('puts the tokens in HttpOnly, SameSite=Strict cookies and keeps them out of the body', async () => {
    const response = await testApp.http
      .post('/api/auth/signin?mode=cookie')
      .send({ username: account.username, password: PASSWORD })
      .expect(200);
    expect(response.body).toEqual({
      user: { id: account.id, username: account.username, role: 'writer' },
      tokenDelivery: 'cookie',
      expiresIn: 900,
      refreshExpiresIn: 7 * 24 * 60 * 60,
      csrfToken: expect.stringMatching(/^[\w-]{43}$/),
    });
    const cookies = parseSetCookies(response.headers['set-cookie']);
    expect([...cookies.keys()].sort()).toEqual([
      'authlab_access',
      'authlab_csrf',
      'authlab_refresh',
    ]);

    const access = cookies.get('authlab_access')!;
    const claims = decodePayload(access.value);
    expect(access.attributes).toMatchObject({
      httponly: true,
      samesite: 'Strict',
      path: '/',
      'max-age': '900',
    });
    // The cookie never outlives the token in it.
    expect(Number(access.attributes['max-age'])).toBeLessThanOrEqual(
      (claims.exp as number) - (claims.iat as number),
    );
    expect(access.attributes).not.toHaveProperty('secure');
    expect(access.attributes).not.toHaveProperty('domain');

    expect(cookies.get('authlab_refresh')!.attributes).toMatchObject({
      httponly: true,
      samesite: 'Strict',
      path: '/api/auth/refresh',
    });
    const csrf = cookies.get('authlab_csrf')!;
    expect(csrf.attributes).toMatchObject({ samesite: 'Strict', path: '/' });
    expect(csrf.attributes).not.toHaveProperty('httponly');
    expect(csrf.value).toBe(response.body.csrfToken);
  });

  it('signs up in cookie mode too, and refuses an unknown mode', async () => {
    const response = await testApp.http
      .post('/api/auth/signup?mode=cookie')
      .send({ username: 'cookie-signup', password: 'long enough' })
      .expect(201);
    expect(response.body).not.toHaveProperty('accessToken');
    expect(parseSetCookies(response.headers['set-cookie']).has('authlab_access')).toBe(true);
    await testApp.http
      .post('/api/auth/signin?mode=url')
      .send({ username: account.username, password: PASSWORD })
      .expect(400);
    await testApp.http
      .post('/api/auth/signin?mode=cookie&mode=body')
      .send({ username: account.username, password: PASSWORD })
      .expect(400);
  });

  it('authenticates a request by the access-token cookie alone', async () => {
    const me = await testApp.http
      .get('/api/auth/me')
      .set('Cookie', withAccessCookie(session.access))
      .expect(200);
    expect(me.body).toMatchObject({ username: account.username, role: 'writer' });
  });

  it('refuses a request that carries both the header and the cookie with 400 invalid_request — even the same token', async () => {
    const other = await signInForBody(testApp, account);
    for (const bearer of [other.accessToken, session.access]) {
      const response = await testApp.http
        .get('/api/articles')
        .set('Authorization', `Bearer ${bearer}`)
        .set('Cookie', withAccessCookie(session.access))
        .expect(400);
      expect(response.headers['www-authenticate']).toMatch(INVALID_REQUEST);
      expect(response.body.message).toBe(
        'Send the access token once: in the Authorization header or in the cookie, not both.',
      );
    }
  });

  it.each([
    ['the query string', (token: string) => ({ path: `/api/articles?access_token=${token}` })],
    [
      'the query string, besides a valid header',
      (token: string) => ({ path: `/api/articles?access_token=x`, bearer: token }),
    ],
    [
      'a JSON body',
      (token: string) => ({
        path: '/api/articles',
        body: { access_token: token, title: 't', body: 'b' },
      }),
    ],
  ])('never accepts an access token in %s (400 invalid_request)', async (_where, place) => {
    const { path, body, bearer } = place(session.access) as {
      path: string;
      body?: object;
      bearer?: string;
    };
    let request = body ? testApp.http.post(path).send(body) : testApp.http.get(path);
    if (bearer) request = request.set('Authorization', `Bearer ${bearer}`);
    const response = await request.expect(400);
    expect(response.headers['www-authenticate']).toMatch(INVALID_REQUEST);
  });

  it('refuses a cookie that holds no token (400) and a tampered token in the cookie (401)', async () => {
    const garbage = await testApp.http
      .get('/api/articles')
      .set('Cookie', withAccessCookie('not a token; drop table'))
      .expect(400);
    expect(garbage.headers['www-authenticate']).toMatch(INVALID_REQUEST);

    const raised = withPayload(session.access, { ...decodePayload(session.access), role: 'admin' });
    const tampered = await testApp.http
      .delete('/api/articles/1')
      .set('Cookie', withAccessCookie(raised))
      .expect(401);
    expect(tampered.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('echoes which cookies arrived, without the values of HttpOnly ones', async () => {
    const response = await testApp.http
      .get('/api/auth/cookies')
      .set(
        'Cookie',
        cookieHeader({ authlab_access: session.access, authlab_csrf: session.csrf, theme: 'dark' }),
      )
      .expect(200);
    expect(response.body).toEqual({
      cookies: [
        { name: 'authlab_access', length: session.access.length, setByApi: true, httpOnly: true },
        {
          name: 'authlab_csrf',
          length: session.csrf.length,
          setByApi: true,
          httpOnly: false,
          value: session.csrf,
        },
        { name: 'theme', length: 4, setByApi: false, httpOnly: null },
      ],
    });
    expect(response.text).not.toContain(session.access);
    expect((await testApp.http.get('/api/auth/cookies').expect(200)).body).toEqual({ cookies: [] });
  });
});

describe('cookie mode over HTTPS (Secure cookies with __Host- and __Secure- prefixes)', () => {
  let testApp: TestApp;
  let account: Account;
  const names = {
    access: '__Host-authlab_access',
    refresh: '__Secure-authlab_refresh',
    csrf: '__Host-authlab_csrf',
  };

  beforeAll(async () => {
    testApp = await startTestApp({
      cookies: { secure: true },
      publicOrigin: 'https://authlab.example',
      // The name a proxy in front may forward as Host; answered, but never trusted as an origin.
      allowedHosts: ['internal-host:3000'],
    });
    account = await createAccount(testApp);
  });
  afterAll(() => testApp?.close());

  it('marks every session cookie Secure and prefixes its name', async () => {
    const response = await testApp.http
      .post('/api/auth/signin?mode=cookie')
      .send({ username: account.username, password: PASSWORD })
      .expect(200);
    const cookies = parseSetCookies(response.headers['set-cookie']);
    expect([...cookies.keys()].sort()).toEqual(Object.values(names).sort());
    for (const cookie of cookies.values())
      expect(cookie.attributes).toMatchObject({ secure: true, samesite: 'Strict' });
    // __Host- demands Path=/ and no Domain; the refresh cookie's narrower Path is why it is __Secure-.
    expect(cookies.get(names.access)!.attributes).toMatchObject({ path: '/' });
    expect(cookies.get(names.access)!.attributes).not.toHaveProperty('domain');
    expect(cookies.get(names.refresh)!.attributes).toMatchObject({
      path: '/api/auth/refresh',
      httponly: true,
    });
  });

  it('reads only the prefixed cookie: a plain-named one, which anyone on the network could plant, is ignored', async () => {
    const session = await signInForCookies(testApp, account, names);
    await testApp.http
      .get('/api/auth/me')
      .set('Cookie', cookieHeader({ [names.access]: session.access }))
      .expect(200);
    const planted = await testApp.http
      .get('/api/auth/me')
      .set('Cookie', cookieHeader({ authlab_access: session.access }))
      .expect(401);
    expect(planted.headers['www-authenticate']).toBe('Bearer realm="authlab"');
  });

  it('trusts PUBLIC_ORIGIN, not the Host header, as its own origin behind a proxy', async () => {
    const session = await signInForCookies(testApp, await createAccount(testApp, 'writer'), names);
    const post = (origin: string) =>
      testApp.http
        .post('/api/articles')
        .set('Host', 'internal-host:3000')
        .set('Origin', origin)
        .set('Cookie', cookieHeader({ [names.access]: session.access, [names.csrf]: session.csrf }))
        .set(CSRF_HEADER, session.csrfToken)
        .send({ title: 'Behind a proxy', body: 'x' });
    await post('https://authlab.example').expect(201);
    await post('http://internal-host:3000').expect(403);
  });
});
