import { DEMO_USERS } from '@authlab/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';

const demo = (username: string) => DEMO_USERS.find((user) => user.username === username)!;

async function signIn(testApp: TestApp, username: string): Promise<string> {
  const response = await testApp.http
    .post('/api/auth/signin')
    .send({ username, password: demo(username).password })
    .expect(200);
  return response.body.accessToken as string;
}

describe('demo mode: reset and the simulated clock', () => {
  let testApp: TestApp;
  let admin: string;

  beforeAll(async () => {
    testApp = await startTestApp({ demo: true });
    admin = await signIn(testApp, 'admin');
  });
  afterAll(() => testApp?.close());

  const asAdmin = (request: ReturnType<TestApp['http']['post']>) =>
    request.set('Authorization', `Bearer ${admin}`);

  it('restores demo roles and articles, keeps learners, and clears the traces', async () => {
    const users = (
      await testApp.http.get('/api/users').set('Authorization', `Bearer ${admin}`).expect(200)
    ).body as Array<{ id: number; username: string }>;
    const writer = users.find((user) => user.username === 'writer')!;
    await testApp.http
      .patch(`/api/users/${writer.id}/role`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ role: 'user' })
      .expect(200);
    await testApp.http
      .patch(`/api/users/${writer.id}/clearance`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ clearance: 'public' })
      .expect(200);
    await testApp.http
      .delete('/api/articles/1')
      .set('Authorization', `Bearer ${admin}`)
      .expect(204);
    await testApp.http
      .post('/api/auth/signup')
      .send({ username: 'learner', password: 'my own account' })
      .expect(201);

    const reset = await asAdmin(testApp.http.post('/api/demo/reset')).expect(200);
    expect(reset.body).toMatchObject({ users: 4, articles: 7, articlesRemoved: 6 });
    expect(reset.body.tracesCleared).toBeGreaterThan(0);

    const after = (
      await testApp.http.get('/api/users').set('Authorization', `Bearer ${admin}`).expect(200)
    ).body as Array<{ username: string; role: string; clearance: string }>;
    expect(after.find((user) => user.username === 'writer')).toMatchObject({
      role: 'writer',
      clearance: 'internal',
    });
    expect(
      Object.fromEntries(
        after
          .filter((user) => user.username !== 'learner')
          .map((user) => [user.username, user.clearance]),
      ),
    ).toEqual({
      admin: 'confidential',
      editor: 'confidential',
      writer: 'internal',
      user: 'public',
    });
    expect(after.some((user) => user.username === 'learner')).toBe(true);
    const articles = await testApp.http
      .get('/api/articles')
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    // Seven demo articles; the admin does not see the writer's draft or the editor's.
    expect(articles.body).toHaveLength(5);
    const asEditor = await testApp.http
      .get('/api/articles')
      .set('Authorization', `Bearer ${await signIn(testApp, 'editor')}`)
      .expect(200);
    expect(
      (asEditor.body as Array<{ status: string; authorUsername: string; label: string }>).map(
        (article) => `${article.authorUsername}:${article.status}:${article.label}`,
      ),
    ).toEqual([
      'editor:published:public',
      'writer:published:public',
      'admin:published:public',
      'writer:draft:public',
      'writer:published:internal',
      'admin:published:confidential',
      'editor:draft:internal',
    ]);
    // The one share: the user account reads the writer's draft; cleared for public, nothing labelled.
    const asUser = await testApp.http
      .get('/api/articles')
      .set('Authorization', `Bearer ${await signIn(testApp, 'user')}`)
      .expect(200);
    expect(
      (asUser.body as Array<{ status: string; label: string }>).map(
        (article) => `${article.status}:${article.label}`,
      ),
    ).toEqual(['published:public', 'published:public', 'published:public', 'draft:public']);
    // The reset did not sign the admin out: their role and password were already the demo ones.
    await testApp.http.get('/api/auth/me').set('Authorization', `Bearer ${admin}`).expect(200);
  });

  it('lets only admins reset', async () => {
    const writer = await signIn(testApp, 'writer');
    await testApp.http.post('/api/demo/reset').set('Authorization', `Bearer ${writer}`).expect(403);
    await testApp.http.post('/api/demo/reset').expect(401);
  });

  it('moves the clock forward so a token expires in front of the class, then puts it back', async () => {
    const user = await signIn(testApp, 'user');
    expect((await testApp.http.get('/api/clock').expect(200)).body).toMatchObject({
      offsetSeconds: 0,
      adjustable: true,
    });
    await testApp.http.get('/api/articles').set('Authorization', `Bearer ${user}`).expect(200);

    const moved = await asAdmin(testApp.http.post('/api/clock/advance'))
      .send({ seconds: 15 * 60 })
      .expect(200);
    expect(moved.body.offsetSeconds).toBe(900);
    expect(Date.parse(moved.body.now as string) - Date.now()).toBeGreaterThan(899_000);

    const expired = await testApp.http
      .get('/api/articles')
      .set('Authorization', `Bearer ${user}`)
      .expect(401);
    expect(expired.headers['www-authenticate']).toContain(
      'error_description="The access token has expired"',
    );

    // A token issued now is valid on the moved clock.
    const fresh = await signIn(testApp, 'user');
    await testApp.http.get('/api/articles').set('Authorization', `Bearer ${fresh}`).expect(200);

    // The instructor's own token expired too: fast-forwarding is no respecter of persons.
    await asAdmin(testApp.http.post('/api/clock/reset')).expect(401);
    admin = await signIn(testApp, 'admin');
    await asAdmin(testApp.http.post('/api/clock/reset')).expect(200);
    expect((await testApp.http.get('/api/clock')).body.offsetSeconds).toBe(0);
    // Tokens minted while the clock was ahead carry an iat in the future now: refused, the
    // instructor's too (RFC 8725 §3.10), so a reset leaves no token that outlives its lifetime.
    await testApp.http.get('/api/articles').set('Authorization', `Bearer ${fresh}`).expect(401);
    await testApp.http.get('/api/auth/me').set('Authorization', `Bearer ${admin}`).expect(401);
    admin = await signIn(testApp, 'admin');
  });

  it('lets only admins move the clock, forward only, by at most a day', async () => {
    const writer = await signIn(testApp, 'writer');
    await testApp.http
      .post('/api/clock/advance')
      .set('Authorization', `Bearer ${writer}`)
      .send({ seconds: 60 })
      .expect(403);
    for (const seconds of [0, -60, 1.5, 86_401]) {
      await asAdmin(testApp.http.post('/api/clock/advance')).send({ seconds }).expect(400);
    }
  });
});

describe('outside demo mode', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ environment: 'production' });
  });
  afterAll(() => testApp?.close());

  it('has no reset route and a clock that cannot move, even for an admin', async () => {
    const { signInOneOfEachRole } = await import('./support/users.js');
    const { admin } = await signInOneOfEachRole(testApp);
    const asAdmin = { Authorization: `Bearer ${admin.token}` };
    expect((await testApp.http.get('/api/clock').expect(200)).body).toMatchObject({
      offsetSeconds: 0,
      adjustable: false,
    });
    await testApp.http.post('/api/clock/advance').set(asAdmin).send({ seconds: 900 }).expect(404);
    await testApp.http.post('/api/clock/reset').set(asAdmin).expect(404);
    await testApp.http.post('/api/demo/reset').set(asAdmin).expect(404);
  });
});
