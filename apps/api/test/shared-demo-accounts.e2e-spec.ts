import { DEMO_USERS, SHARED_DEMO_ACCOUNT } from '@authlab/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInForBody, type BodySession } from './support/sessions.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { PASSWORD } from './support/users.js';

const demo = (username: string) => DEMO_USERS.find((user) => user.username === username)!;

async function signInDemo(testApp: TestApp, username: string): Promise<BodySession> {
  const response = await testApp.http
    .post('/api/auth/signin')
    .send({ username, password: demo(username).password })
    .expect(200);
  return response.body as BodySession;
}

const bearer = (session: BodySession) => ({ Authorization: `Bearer ${session.accessToken}` });

describe('demo mode: one learner never signs out the others sharing a demo account', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ demo: true });
  });
  afterAll(() => testApp?.close());

  it('refuses sign-out-everywhere for a demo account, says why, and every session goes on', async () => {
    const mine = await signInDemo(testApp, 'writer');
    const classmate = await signInDemo(testApp, 'writer');

    const refused = await testApp.http
      .post('/api/auth/signout-all')
      .set(bearer(mine))
      .send({})
      .expect(403);
    expect(refused.body).toMatchObject({ statusCode: 403, code: SHARED_DEMO_ACCOUNT });
    expect(refused.body.message).toContain('shared by everyone using this demo');
    expect(refused.body.message).toContain('POST /api/auth/signout');
    expect(refused.body).not.toHaveProperty('stack');

    await testApp.http.get('/api/auth/me').set(bearer(mine)).expect(200);
    await testApp.http.get('/api/auth/me').set(bearer(classmate)).expect(200);
    await testApp.http
      .post('/api/auth/refresh')
      .send({ refreshToken: classmate.refreshToken })
      .expect(200);
  });

  it('refuses a password change for a demo account, keeps its password and its sessions', async () => {
    const mine = await signInDemo(testApp, 'user');
    const classmate = await signInDemo(testApp, 'user');

    const refused = await testApp.http
      .post('/api/auth/password')
      .set(bearer(mine))
      .send({ currentPassword: demo('user').password, newPassword: 'a password only I know' })
      .expect(403);
    expect(refused.body).toMatchObject({ code: SHARED_DEMO_ACCOUNT });
    expect(refused.body.message).toContain('POST /api/auth/signup');

    await testApp.http.get('/api/auth/me').set(bearer(classmate)).expect(200);
    await testApp.http.get('/api/auth/me').set(bearer(mine)).expect(200);
    await signInDemo(testApp, 'user');
  });

  it('still lets a learner end just their own session of a demo account', async () => {
    const mine = await signInDemo(testApp, 'editor');
    const classmate = await signInDemo(testApp, 'editor');
    await testApp.http.post('/api/auth/signout').set(bearer(mine)).send({}).expect(204);
    await testApp.http.get('/api/auth/me').set(bearer(mine)).expect(401);
    await testApp.http.get('/api/auth/me').set(bearer(classmate)).expect(200);
  });

  it('treats a learner’s own account as anywhere: sign-out-everywhere and a new password end every session', async () => {
    const account = await createAccount(testApp);
    const first = await signInForBody(testApp, account);
    const second = await signInForBody(testApp, account);
    await testApp.http.post('/api/auth/signout-all').set(bearer(first)).send({}).expect(204);
    await testApp.http.get('/api/auth/me').set(bearer(second)).expect(401);

    const third = await signInForBody(testApp, account);
    const fourth = await signInForBody(testApp, account);
    await testApp.http
      .post('/api/auth/password')
      .set(bearer(third))
      .send({ currentPassword: PASSWORD, newPassword: 'another long password' })
      .expect(204);
    await testApp.http.get('/api/auth/me').set(bearer(fourth)).expect(401);
  });
});

describe('outside demo mode an account named like a demo one is an ordinary account', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({ demo: false });
  });
  afterAll(() => testApp?.close());

  it('signs a "writer" account out everywhere as usual', async () => {
    await testApp.http
      .post('/api/auth/signup')
      .send({ username: 'writer', password: PASSWORD })
      .expect(201);
    const login = () =>
      testApp.http
        .post('/api/auth/signin')
        .send({ username: 'writer', password: PASSWORD })
        .expect(200)
        .then((response) => response.body as BodySession);
    const first = await login();
    const second = await login();
    await testApp.http.post('/api/auth/signout-all').set(bearer(first)).send({}).expect(204);
    await testApp.http.get('/api/auth/me').set(bearer(second)).expect(401);
  });
});
