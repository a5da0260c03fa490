import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends, type TestDatabase } from './support/databases.js';
import { createAccount, signInForBody, type BodySession } from './support/sessions.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { testConfig } from './support/test-config.js';
import { decodePayload } from './support/tokens.js';
import { PASSWORD } from './support/users.js';

const REVOKED =
  'Bearer realm="authlab", error="invalid_token", error_description="The access token has been revoked"';

for (const backend of await databaseBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(
    `sign-out, sign-out everywhere and token versions on ${backend.name}`,
    () => {
      let database: TestDatabase;
      let testApp: TestApp;
      let admin: BodySession;

      const bearer = (session: BodySession) => ({ Authorization: `Bearer ${session.accessToken}` });
      const refresh = (session: BodySession) =>
        testApp.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken });
      async function expectRevoked(session: BodySession): Promise<void> {
        const response = await testApp.http.get('/api/articles').set(bearer(session)).expect(401);
        expect(response.headers['www-authenticate']).toBe(REVOKED);
        expect((await refresh(session).expect(400)).body.code).toBe('invalid_grant');
      }

      beforeAll(async () => {
        database = await backend.create();
        testApp = await startTestApp({ database: database.database });
        admin = await signInForBody(testApp, await createAccount(testApp, 'admin'));
      });
      afterAll(async () => {
        await testApp?.close();
        await database?.drop();
      });

      it('signs out one session: its access token and refresh token stop at once; other sessions go on', async () => {
        const account = await createAccount(testApp);
        const leaving = await signInForBody(testApp, account);
        const staying = await signInForBody(testApp, account);
        await testApp.http.post('/api/auth/signout').set(bearer(leaving)).expect(204);
        await expectRevoked(leaving);
        await testApp.http.get('/api/articles').set(bearer(staying)).expect(200);
        await refresh(staying).expect(200);
      });

      it('refuses the signed-out token by its jti even without its session (a token from an earlier rotation stays dead too)', async () => {
        const account = await createAccount(testApp);
        const session = await signInForBody(testApp, account);
        const rotated = (await refresh(session).expect(200)).body as BodySession;
        await testApp.http.post('/api/auth/signout').set(bearer(rotated)).expect(204);
        await testApp.http.get('/api/articles').set(bearer(session)).expect(401);
        await testApp.http.post('/api/auth/signout').set(bearer(rotated)).expect(401);
      });

      it('signs out everywhere: every session of the user ends, and a new sign-in works', async () => {
        const account = await createAccount(testApp);
        const sessions = [
          await signInForBody(testApp, account),
          await signInForBody(testApp, account),
        ];
        const rotated = (await refresh(sessions[1]!).expect(200)).body as BodySession;
        await testApp.http.post('/api/auth/signout-all').set(bearer(sessions[0]!)).expect(204);
        for (const session of [sessions[0]!, rotated]) await expectRevoked(session);
        const fresh = await signInForBody(testApp, account);
        await testApp.http.get('/api/articles').set(bearer(fresh)).expect(200);
        expect(decodePayload(fresh.accessToken).ver).toBe(1);
      });

      it('stops a demoted admin’s old token at once; a refresh brings the new role', async () => {
        const demoted = await createAccount(testApp, 'admin');
        const session = await signInForBody(testApp, demoted);
        const created = await testApp.http
          .post('/api/articles')
          .set(bearer(admin))
          .send({ title: 'Keep me', body: 'x' })
          .expect(201);
        await testApp.http
          .patch(`/api/users/${demoted.id}/role`)
          .set(bearer(admin))
          .send({ role: 'user' })
          .expect(200);

        const stale = await testApp.http
          .delete(`/api/articles/${created.body.id}`)
          .set(bearer(session))
          .expect(401);
        expect(stale.headers['www-authenticate']).toBe(REVOKED);
        await testApp.http.get('/api/articles').set(bearer(session)).expect(401);

        const renewed = (await refresh(session).expect(200)).body as BodySession & {
          user: { role: string };
        };
        expect(renewed.user.role).toBe('user');
        const denied = await testApp.http
          .delete(`/api/articles/${created.body.id}`)
          .set(bearer(renewed))
          .expect(403);
        expect(denied.headers['www-authenticate']).toContain('error="insufficient_scope"');
        await testApp.http.get(`/api/articles/${created.body.id}`).set(bearer(renewed)).expect(200);
      });

      it('retires a promoted user’s old token too: every token names the role it was issued with', async () => {
        const promoted = await createAccount(testApp, 'user');
        const session = await signInForBody(testApp, promoted);
        await testApp.http
          .patch(`/api/users/${promoted.id}/role`)
          .set(bearer(admin))
          .send({ role: 'editor' })
          .expect(200);
        await testApp.http.get('/api/articles').set(bearer(session)).expect(401);
        const renewed = (await refresh(session).expect(200)).body as BodySession;
        expect(decodePayload(renewed.accessToken)).toMatchObject({ role: 'editor', ver: 1 });
      });

      it('changes a password only with the current one, then ends every session', async () => {
        const account = await createAccount(testApp);
        const session = await signInForBody(testApp, account);
        const other = await signInForBody(testApp, account);
        const wrong = await testApp.http
          .post('/api/auth/password')
          .set(bearer(session))
          .send({ currentPassword: 'not the password', newPassword: 'a brand new one' })
          .expect(403);
        expect(wrong.body.message).toBe('The current password is incorrect.');
        await testApp.http
          .post('/api/auth/password')
          .set(bearer(session))
          .send({ currentPassword: PASSWORD, newPassword: 'short' })
          .expect(400);

        await testApp.http
          .post('/api/auth/password')
          .set(bearer(session))
          .send({ currentPassword: PASSWORD, newPassword: 'a brand new one' })
          .expect(204);
        for (const ended of [session, other]) await expectRevoked(ended);
        await testApp.http
          .post('/api/auth/signin')
          .send({ username: account.username, password: PASSWORD })
          .expect(401);
        await testApp.http
          .post('/api/auth/signin')
          .send({ username: account.username, password: 'a brand new one' })
          .expect(200);
      });

      it('keeps sign-out, sign-out-all and password changes for signed-in users', async () => {
        for (const route of ['/api/auth/signout', '/api/auth/signout-all', '/api/auth/password']) {
          await testApp.http.post(route).expect(401);
        }
      });
    },
  );
}

describe('revocations across a restart', () => {
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'authlab-restart-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('still refuses a signed-out token and a demoted user’s old token after the API restarts', async () => {
    const base = testConfig();
    const config = {
      dataDir,
      database: { kind: 'sqlite' as const, file: path.join(dataDir, 'restart.sqlite') },
      jwt: base.jwt,
    };
    const first = await startTestApp(config);
    const admin = await signInForBody(first, await createAccount(first, 'admin'));
    const signedOut = await signInForBody(first, await createAccount(first));
    const demotedAccount = await createAccount(first, 'editor');
    const demoted = await signInForBody(first, demotedAccount);
    await first.http
      .post('/api/auth/signout')
      .set('Authorization', `Bearer ${signedOut.accessToken}`)
      .expect(204);
    await first.http
      .patch(`/api/users/${demotedAccount.id}/role`)
      .set('Authorization', `Bearer ${admin.accessToken}`)
      .send({ role: 'user' })
      .expect(200);
    await first.close();

    const second = await startTestApp(config);
    try {
      await second.http
        .get('/api/articles')
        .set('Authorization', `Bearer ${admin.accessToken}`)
        .expect(200);
      for (const session of [signedOut, demoted]) {
        await second.http
          .get('/api/articles')
          .set('Authorization', `Bearer ${session.accessToken}`)
          .expect(401);
      }
    } finally {
      await second.close();
    }
  });
});
