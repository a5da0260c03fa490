import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, signInForBody, type Account } from './support/sessions.js';
import {
  ownRedisSkipReason,
  startOwnRedis,
  uniqueKeyPrefix,
  type OwnRedis,
} from './support/redis.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { PASSWORD } from './support/users.js';

const ERROR_KEYS = ['error', 'message', 'statusCode', 'traceId'];
const skipReason = ownRedisSkipReason();

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * While the Redis that holds shared state cannot be reached, every request that needs it is a
 * 503 with Retry-After — a passing outage the client may retry — never a 500 (a fault).
 */
describe.skipIf(skipReason !== undefined)('a Redis that becomes unreachable', () => {
  let redis: OwnRedis;
  let testApp: TestApp;
  let account: Account;
  let token: string;

  beforeAll(async () => {
    redis = await startOwnRedis();
    testApp = await startTestApp({ redis: { url: redis.url, keyPrefix: uniqueKeyPrefix() } });
    account = await createAccount(testApp);
    token = (await signInForBody(testApp, account)).accessToken;
  });
  afterAll(async () => {
    await testApp?.close();
    await redis?.stop();
  });

  const signIn = () =>
    testApp.http.post('/api/auth/signin').send({ username: account.username, password: PASSWORD });
  const articles = () => testApp.http.get('/api/articles').set('Authorization', `Bearer ${token}`);

  it('answers sign-in with 503 and Retry-After, as every other request, and recovers with Redis', async () => {
    await redis.stop();
    // The API notices the lost connection: authenticated requests are refused first.
    await until(async () => (await articles()).status === 503, 'the revocation state to go stale');
    const other = await articles();
    expect(other.headers['retry-after']).toBe('1');

    for (const attempt of [signIn(), signIn()]) {
      const response = await attempt;
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('1');
      expect(Object.keys(response.body).sort()).toEqual(ERROR_KEYS);
      expect(response.body.message).not.toMatch(/redis|ECONNREFUSED|retries/i);
    }
    // Sign-up is counted in Redis too.
    const signUp = await testApp.http
      .post('/api/auth/signup')
      .send({ username: 'during-outage', password: 'long enough' });
    expect(signUp.status).toBe(503);
    expect(signUp.headers['retry-after']).toBe('1');

    await redis.start();
    await until(async () => (await signIn()).status === 200, 'sign-in to work again');
    await until(async () => (await articles()).status === 200, 'tokens to be honoured again');
  });
});
