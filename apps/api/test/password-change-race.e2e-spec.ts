import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends, type TestDatabase } from './support/databases.js';
import { createAccount, signInForBody, type BodySession } from './support/sessions.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { testConfig } from './support/test-config.js';
import { PASSWORD } from './support/users.js';

const NEW_PASSWORD = 'a brand new password';
const ROUNDS = 20;
/** Sign-ins started while the change is under way, spread over the time its hashing takes. */
const RACING_SIGN_INS = 6;
const SPREAD_MS = 25;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * OWASP ASVS V3.3 / CWE-367: a sign-in that checked the old password must not leave a working
 * session behind once a password change has ended every session. The sign-ins wait for the
 * hashing slot behind the change, so some of them read the old hash before the change writes
 * the new one and finish after it.
 */
for (const backend of await databaseBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(
    `a password change racing sign-ins on ${backend.name}`,
    () => {
      let database: TestDatabase;
      let testApp: TestApp;

      beforeAll(async () => {
        database = await backend.create();
        testApp = await startTestApp({
          database: database.database,
          // Sign-ins that read the new hash fail; many rounds of them must not trip the throttle.
          signInThrottle: { ...testConfig().signInThrottle, maxFailuresPerIp: 100_000 },
        });
      });
      afterAll(async () => {
        await testApp?.close();
        await database?.drop();
      });

      const signIn = (username: string, password: string) =>
        testApp.http.post('/api/auth/signin').send({ username, password });

      it(`leaves no session of the old password alive, in ${ROUNDS} rounds of parallel sign-ins racing a change`, async () => {
        for (let round = 0; round < ROUNDS; round++) {
          const account = await createAccount(testApp);
          const owner = await signInForBody(testApp, account);

          const change = testApp.http
            .post('/api/auth/password')
            .set('Authorization', `Bearer ${owner.accessToken}`)
            .send({ currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
          const racing = Array.from({ length: RACING_SIGN_INS }, async (_, index) => {
            await pause(index * SPREAD_MS);
            return signIn(account.username, PASSWORD);
          });
          expect((await change).status).toBe(204);
          const answers = await Promise.all(racing);

          // Whatever each racing sign-in answered, nothing it handed out may work now.
          const sessions: BodySession[] = [owner];
          for (const answer of answers) {
            expect([200, 401]).toContain(answer.status);
            if (answer.status === 200) sessions.push(answer.body as BodySession);
          }
          for (const session of sessions) {
            await testApp.http
              .get('/api/articles')
              .set('Authorization', `Bearer ${session.accessToken}`)
              .expect(401);
            const refreshed = await testApp.http
              .post('/api/auth/refresh')
              .send({ refreshToken: session.refreshToken });
            expect(refreshed.status, `round ${round}: a refresh token of the old password`).toBe(
              400,
            );
            expect(refreshed.body.code).toBe('invalid_grant');
          }

          // The new password works, and so does the session it starts.
          const fresh = (await signIn(account.username, NEW_PASSWORD).expect(200))
            .body as BodySession;
          await testApp.http
            .get('/api/articles')
            .set('Authorization', `Bearer ${fresh.accessToken}`)
            .expect(200);
          await testApp.http
            .post('/api/auth/refresh')
            .send({ refreshToken: fresh.refreshToken })
            .expect(200);
          await signIn(account.username, PASSWORD).expect(401);
        }
      }, 120_000);
    },
  );
}
