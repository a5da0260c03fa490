import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_USERS } from '@authlab/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../src/config/app-config.js';
import { deleteKeys, REDIS_URL, redisSkipReason, uniqueKeyPrefix } from './support/redis.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { testConfig } from './support/test-config.js';

/** Short lifetimes, so that the real clock can outrun them within a test. */
const TTL = 3;
/** Less than the 30 s an iat may be ahead: tokens minted this far ahead still pass after a reset. */
const AHEAD = 20;
const REVOKED =
  'Bearer realm="authlab", error="invalid_token", error_description="The access token has been revoked"';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const password = (username: string) => DEMO_USERS.find((u) => u.username === username)!.password;

interface Session {
  accessToken: string;
  refreshToken: string;
}

async function signIn(testApp: TestApp, username: string): Promise<Session> {
  return (
    await testApp.http
      .post('/api/auth/signin')
      .send({ username, password: password(username) })
      .expect(200)
  ).body as Session;
}

async function moveClock(testApp: TestApp, how: 'advance' | 'reset'): Promise<void> {
  const admin = await signIn(testApp, 'admin');
  await testApp.http
    .post(`/api/clock/${how}`)
    .set('Authorization', `Bearer ${admin.accessToken}`)
    .send(how === 'advance' ? { seconds: AHEAD } : {})
    .expect(200);
}

/**
 * With the clock ahead, signs in, rotates once and signs the rotated token out: the session has
 * ended, and the first access token (never signed out itself) is refused only for that reason.
 */
async function endedSessionMintedAhead(testApp: TestApp): Promise<string> {
  await moveClock(testApp, 'advance');
  const first = await signIn(testApp, 'user');
  const rotated = (
    await testApp.http
      .post('/api/auth/refresh')
      .send({ refreshToken: first.refreshToken })
      .expect(200)
  ).body as Session;
  await testApp.http
    .post('/api/auth/signout')
    .set('Authorization', `Bearer ${rotated.accessToken}`)
    .expect(204);
  await expectRevoked(testApp, first.accessToken);
  return first.accessToken;
}

async function expectRevoked(testApp: TestApp, token: string): Promise<void> {
  const response = await testApp.http
    .get('/api/articles')
    .set('Authorization', `Bearer ${token}`)
    .expect(401);
  expect(response.headers['www-authenticate']).toBe(REVOKED);
}

const redisSkip = await redisSkipReason();
const revocationBackends: Array<{
  name: string;
  skipReason?: string;
  redis: () => AppConfig['redis'];
}> = [
  { name: 'in-process revocation', redis: () => undefined },
  {
    name: 'Redis revocation',
    skipReason: redisSkip,
    redis: () => ({ url: REDIS_URL, keyPrefix: uniqueKeyPrefix() }),
  },
];

/**
 * A revocation must last as long as any token it covers can be valid on any clock the API may
 * use: tokens minted while the simulated clock was ahead carry later times than the real clock.
 */
for (const backend of revocationBackends) {
  describe.skipIf(backend.skipReason !== undefined)(
    `revocations and the simulated clock (${backend.name})`,
    () => {
      let dataDir: string;
      let redis: AppConfig['redis'];
      const running: TestApp[] = [];

      const start = async (overrides: Partial<AppConfig> = {}) => {
        const base = testConfig();
        const testApp = await startTestApp({
          demo: true,
          dataDir,
          redis,
          jwt: { ...base.jwt, accessTokenTtlSeconds: TTL, clientTokenTtlSeconds: TTL },
          ...overrides,
        });
        running.push(testApp);
        return testApp;
      };
      const stop = async (testApp: TestApp) => {
        running.splice(running.indexOf(testApp), 1);
        await testApp.close();
      };

      beforeAll(async () => {
        dataDir = await mkdtemp(path.join(tmpdir(), 'authlab-clock-'));
        redis = backend.redis();
      });
      afterAll(async () => {
        for (const testApp of [...running]) await stop(testApp);
        await rm(dataDir, { recursive: true, force: true });
        if (redis) await deleteKeys(redis.keyPrefix);
      });

      it('keeps refusing a token of an ended session after the clock is put back, for as long as the token is valid', async () => {
        const testApp = await start();
        const token = await endedSessionMintedAhead(testApp);
        await moveClock(testApp, 'reset');
        // The real clock passes one token lifetime; the token, minted ahead, is still unexpired.
        await pause((TTL + 1) * 1000);
        await expectRevoked(testApp, token);
        await stop(testApp);
      });

      it('still refuses it after a restart, which reloads the ended sessions from the database', async () => {
        const base = testConfig();
        const config = {
          database: { kind: 'sqlite' as const, file: path.join(dataDir, 'restart.sqlite') },
          jwt: { ...base.jwt, accessTokenTtlSeconds: TTL, clientTokenTtlSeconds: TTL },
        };
        const first = await start(config);
        const token = await endedSessionMintedAhead(first);
        await stop(first);
        await pause((TTL + 1) * 1000);
        // A new process: its clock is the real one again, and it knows only what it reloads.
        const second = await start(config);
        await expectRevoked(second, token);
        await stop(second);
      });

      it('expires machine-client tokens on the simulated clock too', async () => {
        const testApp = await start({
          jwt: { ...testConfig().jwt, clientTokenTtlSeconds: 300 },
        });
        const admin = await signIn(testApp, 'admin');
        const client = (
          await testApp.http
            .post('/api/clients')
            .set('Authorization', `Bearer ${admin.accessToken}`)
            .send({ name: 'clocked client', scope: ['read'] })
            .expect(201)
        ).body as { clientId: string; clientSecret: string };
        const clientToken = (
          await testApp.http
            .post('/api/oauth/token')
            .auth(client.clientId, client.clientSecret)
            .type('form')
            .send({ grant_type: 'client_credentials' })
            .expect(200)
        ).body.access_token as string;
        await testApp.http
          .get('/api/articles')
          .set('Authorization', `Bearer ${clientToken}`)
          .expect(200);

        const fresh = await signIn(testApp, 'admin');
        await testApp.http
          .post('/api/clock/advance')
          .set('Authorization', `Bearer ${fresh.accessToken}`)
          .send({ seconds: 301 })
          .expect(200);
        const expired = await testApp.http
          .get('/api/articles')
          .set('Authorization', `Bearer ${clientToken}`)
          .expect(401);
        expect(expired.headers['www-authenticate']).toContain(
          'error_description="The access token has expired"',
        );
        await stop(testApp);
      });
    },
  );
}
