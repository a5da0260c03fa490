import { randomUUID } from 'node:crypto';
import { DEMO_USERS, type Trace } from '@authlab/shared';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInForBody } from './support/sessions.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { decodePayload, signWith, validHeader } from './support/tokens.js';

const SESSION = 'playground-session-time';
const INVALID =
  'Bearer realm="authlab", error="invalid_token", error_description="The access token is invalid"';

/** A request with `token`, and the JwtAuthGuard's checks from its trace. */
async function tryToken(testApp: TestApp, token: string) {
  const response = await testApp.http
    .get('/api/articles')
    .set('Authorization', `Bearer ${token}`)
    .set('X-Playground-Session', SESSION);
  // A refused request is anonymous, seen through its playground session; an accepted one by its caller.
  const read = testApp.http.get(`/api/traces/${response.headers['x-trace-id']}`);
  if (response.status === 200) read.set('Authorization', `Bearer ${token}`);
  else read.set('X-Playground-Session', SESSION);
  // (A machine client cannot read its own traces: then there are no checks to return.)
  const trace = (await read).body as Partial<Trace>;
  const guard = trace.events?.find((event) => event.step === 'JwtAuthGuard');
  const checks = Object.fromEntries((guard?.checks ?? []).map((check) => [check.name, check]));
  return { response, checks, reason: guard?.reason };
}

/**
 * RFC 8725 §3.10 and RFC 9068 §4: a token signed with the API's own key is still refused when
 * its times could not have come from the API — issued in the future, or living longer than the
 * configured lifetime (a leaked key, a buggy issuer, a token minted while the clock was ahead).
 */
describe('time claims of tokens signed with the real key', () => {
  let testApp: TestApp;
  /** The claims of a genuine token, as the API issued them, to re-sign with other times. */
  let genuine: Record<string, unknown>;

  beforeAll(async () => {
    testApp = await startTestApp();
    genuine = decodePayload(
      (await signInForBody(testApp, await createAccount(testApp, 'user'))).accessToken,
    );
  });
  afterAll(() => testApp?.close());

  const now = () => Math.floor(Date.now() / 1000);
  const ttl = () => testApp.config.jwt.accessTokenTtlSeconds;
  const token = (claims: Record<string, unknown>) =>
    signWith(testApp.keys, validHeader(testApp.keys), { ...genuine, ...claims });

  it('refuses an iat more than 30 s in the future, and records the iat check', async () => {
    const issued = now() + 150;
    const refused = await tryToken(testApp, token({ iat: issued, exp: issued + ttl() }));
    expect(refused.response.status).toBe(401);
    expect(refused.response.headers['www-authenticate']).toBe(INVALID);
    expect(refused.checks.iat).toEqual({
      name: 'iat',
      ok: false,
      text: expect.stringMatching(
        /^issued 2 min (29|30) s in the future; at most 30 s is allowed$/,
      ),
    });
    expect(refused.reason).toMatch(/^The token was issued 1(49|50) s in the future/);

    // Within the skew, as another instance's clock may be: accepted, and the check says so.
    const slightlyAhead = now() + 10;
    const accepted = await tryToken(
      testApp,
      token({ iat: slightlyAhead, exp: slightlyAhead + ttl() }),
    );
    expect(accepted.response.status).toBe(200);
    expect(accepted.checks.iat).toMatchObject({ ok: true });
  });

  it('refuses exp − iat longer than the configured lifetime, and records the lifetime check', async () => {
    const refused = await tryToken(testApp, token({ iat: now(), exp: now() + ttl() + 60 }));
    expect(refused.response.status).toBe(401);
    expect(refused.checks.lifetime).toEqual({
      name: 'lifetime',
      ok: false,
      text: 'exp − iat is 16 min 0 s; access tokens live at most 15 min 0 s',
    });

    const exact = await tryToken(testApp, token({ iat: now() - 5, exp: now() - 5 + ttl() }));
    expect(exact.response.status).toBe(200);
    expect(exact.checks.lifetime).toEqual({
      name: 'lifetime',
      ok: true,
      text: 'exp − iat is 15 min 0 s; access tokens live at most 15 min 0 s',
    });
  });

  it('refuses a token without iat', async () => {
    const { iat: _omitted, ...claims } = genuine;
    // jsonwebtoken adds an iat of its own unless told not to.
    const withoutIat = jwt.sign({ ...claims, exp: now() + 60 }, testApp.keys.signingKey, {
      algorithm: testApp.keys.algorithm,
      header: validHeader(testApp.keys) as unknown as jwt.JwtHeader,
      noTimestamp: true,
    });
    const refused = await tryToken(testApp, withoutIat);
    expect(refused.response.status).toBe(401);
    expect(refused.checks.iat).toMatchObject({ ok: false, text: 'no iat claim' });
  });

  it('holds machine-client tokens to the client-token lifetime', async () => {
    const admin = await createAccount(testApp, 'admin');
    const adminToken = (
      await testApp.http
        .post('/api/auth/signin')
        .send({ username: admin.username, password: 'correct horse battery' })
        .expect(200)
    ).body.accessToken as string;
    const client = (
      await testApp.http
        .post('/api/clients')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ name: 'lifetime check', scope: ['read'] })
        .expect(201)
    ).body as { clientId: string };
    const claims = (lifetime: number) => ({
      sub: client.clientId,
      client_id: client.clientId,
      scope: 'read',
      ver: 0,
      jti: randomUUID(),
      iat: now(),
      exp: now() + lifetime,
      iss: testApp.config.jwt.issuer,
      aud: testApp.config.jwt.audience,
    });
    const clientTtl = testApp.config.jwt.clientTokenTtlSeconds;
    const long = signWith(testApp.keys, validHeader(testApp.keys), claims(clientTtl + 1));
    expect((await tryToken(testApp, long)).response.status).toBe(401);
    const fair = signWith(testApp.keys, validHeader(testApp.keys), claims(clientTtl));
    expect((await tryToken(testApp, fair)).response.status).toBe(200);
  });
});

describe('a token minted while the simulated clock was ahead', () => {
  let testApp: TestApp;
  const password = (username: string) => DEMO_USERS.find((u) => u.username === username)!.password;
  const signIn = async (username: string) =>
    (
      await testApp.http
        .post('/api/auth/signin')
        .send({ username, password: password(username) })
        .expect(200)
    ).body.accessToken as string;

  beforeAll(async () => {
    testApp = await startTestApp({ demo: true });
  });
  afterAll(() => testApp?.close());

  it('stops working once the clock is put back', async () => {
    await testApp.http
      .post('/api/clock/advance')
      .set('Authorization', `Bearer ${await signIn('admin')}`)
      .send({ seconds: 3600 })
      .expect(200);
    const mintedAhead = await signIn('user');
    expect((await tryToken(testApp, mintedAhead)).response.status).toBe(200);

    await testApp.http
      .post('/api/clock/reset')
      .set('Authorization', `Bearer ${await signIn('admin')}`)
      .expect(200);
    const after = await tryToken(testApp, mintedAhead);
    expect(after.response.status).toBe(401);
    expect(after.checks.iat).toMatchObject({
      ok: false,
      text: expect.stringMatching(/^issued (59 min 5\d s|1 h 0 min) in the future/),
    });
    // A token minted now works as always.
    expect((await tryToken(testApp, await signIn('user'))).response.status).toBe(200);
  });
});
