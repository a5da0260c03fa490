import type { Trace } from '@authlab/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type Account } from './support/sessions.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { PASSWORD } from './support/users.js';

const VICTIM_SESSION = 'victim-playground-session-01';
const ATTACKER_SESSION = 'attacker-playground-session';

describe('who owns a trace: playground sessions and machine clients', () => {
  let testApp: TestApp;
  let victim: Account;
  let victimToken: string;
  let attackerToken: string;
  let adminToken: string;

  /** Signs in over HTTP from a playground session (or none) and returns the access token. */
  async function signIn(account: Account, session?: string): Promise<string> {
    const request = testApp.http.post('/api/auth/signin');
    if (session) request.set('X-Playground-Session', session);
    const response = await request
      .send({ username: account.username, password: PASSWORD })
      .expect(200);
    return response.body.accessToken as string;
  }

  const read = (id: string, as: { token?: string; session?: string }) => {
    const request = testApp.http.get(`/api/traces/${id}`);
    if (as.token) request.set('Authorization', `Bearer ${as.token}`);
    if (as.session) request.set('X-Playground-Session', as.session);
    return request;
  };

  beforeAll(async () => {
    testApp = await startTestApp();
    victim = await createAccount(testApp, 'writer');
    victimToken = await signIn(victim, VICTIM_SESSION);
    attackerToken = await signIn(await createAccount(testApp, 'writer'), ATTACKER_SESSION);
    adminToken = await signIn(await createAccount(testApp, 'admin'));
  });
  afterAll(() => testApp?.close());

  it('shows a session’s anonymous requests to its id, never its authenticated ones', async () => {
    const authenticated = await testApp.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${victimToken}`)
      .set('X-Playground-Session', VICTIM_SESSION)
      .expect(200);
    const id = authenticated.headers['x-trace-id']!;
    // Anyone who learns the session id sends it: the victim's signed-in request stays hidden.
    await read(id, { session: VICTIM_SESSION }).expect(404);
    // The victim, with their token, sees it — filed under the session they signed in from.
    const own = (await read(id, { token: victimToken }).expect(200)).body as Trace;
    expect(own.owner).toEqual({ subject: String(victim.id), session: VICTIM_SESSION });

    const anonymous = await testApp.http
      .get('/api/health')
      .set('X-Playground-Session', VICTIM_SESSION)
      .expect(200);
    await read(anonymous.headers['x-trace-id']!, { session: VICTIM_SESSION }).expect(200);

    const listed = (
      await testApp.http
        .get('/api/traces?limit=200')
        .set('X-Playground-Session', VICTIM_SESSION)
        .expect(200)
    ).body as Trace[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((trace) => trace.owner.subject === undefined)).toBe(true);
  });

  it('never files an authenticated request under a session its sign-in did not start', async () => {
    // Another user sends the victim's session id with their own token, to plant requests there.
    // An admin-only route: RolesGuard refuses a writer whatever the demo articles look like.
    const planted = await testApp.http
      .get('/api/users')
      .set('Authorization', `Bearer ${attackerToken}`)
      .set('X-Playground-Session', VICTIM_SESSION)
      .expect(403);
    const id = planted.headers['x-trace-id']!;
    const asAdmin = (await read(id, { token: adminToken }).expect(200)).body as Trace;
    expect(asAdmin.owner.session).toBeUndefined();
    await read(id, { token: victimToken, session: VICTIM_SESSION }).expect(404);

    // The same holds for a token signed in from no session at all.
    const sessionless = await testApp.http
      .get('/api/auth/me')
      .set('Authorization', `Bearer ${adminToken}`)
      .set('X-Playground-Session', VICTIM_SESSION)
      .expect(200);
    const trace = (
      await read(sessionless.headers['x-trace-id']!, { token: adminToken }).expect(200)
    ).body as Trace;
    expect(trace.owner.session).toBeUndefined();
  });

  it('files a request refused for a revoked token as anonymous, under the session it named', async () => {
    const learner = await createAccount(testApp, 'writer');
    const session = 'signed-out-session-0001';
    const token = await signIn(learner, session);
    await testApp.http
      .post('/api/auth/signout')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Playground-Session', session)
      .expect(204);
    const refused = await testApp.http
      .get('/api/articles')
      .set('Authorization', `Bearer ${token}`)
      .set('X-Playground-Session', session)
      .expect(401);
    // The learner's token reads nothing any more; their session still shows them the refusal.
    const trace = (await read(refused.headers['x-trace-id']!, { session }).expect(200))
      .body as Trace;
    expect(trace.owner).toEqual({ session });
    expect(trace.decidedBy).toMatchObject({ step: 'RevocationGuard' });
  });

  it('lets a machine client read its own traces, and nobody else’s', async () => {
    const client = (
      await testApp.http
        .post('/api/clients')
        .set('Authorization', `Bearer ${adminToken}`)
        .send({ name: 'trace-reader', scope: ['read'] })
        .expect(201)
    ).body as { clientId: string; clientSecret: string };
    const clientToken = (
      await testApp.http
        .post('/api/oauth/token')
        .auth(client.clientId, client.clientSecret)
        .type('form')
        .send('grant_type=client_credentials')
        .expect(200)
    ).body.access_token as string;

    const call = await testApp.http
      .get('/api/articles')
      .set('Authorization', `Bearer ${clientToken}`)
      .expect(200);
    const id = call.headers['x-trace-id']!;
    const trace = (await read(id, { token: clientToken }).expect(200)).body as Trace;
    expect(trace.owner).toEqual({ subject: client.clientId });
    const listed = (
      await testApp.http
        .get('/api/traces')
        .set('Authorization', `Bearer ${clientToken}`)
        .expect(200)
    ).body as Trace[];
    expect(listed.map((each) => each.id)).toContain(id);
    expect(listed.every((each) => each.owner.subject === client.clientId)).toBe(true);
    await read(id, { token: victimToken }).expect(404);
  });
});
