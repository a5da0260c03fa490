import type { ErrorBody } from '@authlab/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from './support/sessions.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { countRows, PASSWORD } from './support/users.js';

/** OWASP API4:2023: account creation is costly (an argon2id hash, a row), so it is rationed. */
const signUp = (testApp: TestApp, username: string) =>
  testApp.http.post('/api/auth/signup').send({ username, password: 'a long enough password' });

function statuses(responses: Array<{ status: number }>): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of responses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

describe('sign-up throttling per address', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ signUpThrottle: { maxPerIp: 5, windowSeconds: 3600 } });
  });
  afterAll(() => testApp?.close());

  it('answers a parallel burst from one address with 429 and Retry-After beyond the limit', async () => {
    const usersBefore = await countRows(testApp, 'users');
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, index) => signUp(testApp, `burst-${index}`)),
    );
    expect(statuses(responses)).toEqual({ 201: 5, 429: 15 });
    for (const refused of responses.filter((response) => response.status === 429)) {
      const seconds = Number(refused.headers['retry-after']);
      expect(seconds).toBeGreaterThan(3500);
      expect(seconds).toBeLessThanOrEqual(3600);
      expect(refused.body as ErrorBody).toMatchObject({
        statusCode: 429,
        error: 'Too Many Requests',
        message: `Too many sign-ups from your network. Try again in ${seconds} s.`,
      });
    }
    // Only five accounts were created; the refused ones never reached the hash.
    expect(await countRows(testApp, 'users')).toBe(usersBefore + 5);
  });

  it('leaves sign-in alone: the limit counts sign-ups only', async () => {
    const account = await createAccount(testApp);
    await testApp.http
      .post('/api/auth/signin')
      .send({ username: account.username, password: PASSWORD })
      .expect(200);
  });
});

describe('a bounded hashing queue', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    // One hash at a time and two waiting: the third caller in line is turned away.
    testApp = await startTestApp({ passwordHashing: { maxConcurrent: 1, maxQueued: 2 } });
  });
  afterAll(() => testApp?.close());

  it('answers 503 with Retry-After when the queue is full, and keeps serving those in line', async () => {
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, index) => signUp(testApp, `queued-${index}`)),
    );
    const counts = statuses(responses);
    expect(counts[201]).toBeGreaterThanOrEqual(3);
    expect(counts[503]).toBeGreaterThanOrEqual(1);
    expect((counts[201] ?? 0) + (counts[503] ?? 0)).toBe(12);
    for (const busy of responses.filter((response) => response.status === 503)) {
      expect(busy.headers['retry-after']).toBe('1');
      expect(busy.body as ErrorBody).toMatchObject({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'Too many passwords are being checked right now. Try again in a moment.',
      });
    }
  });

  it('turns a sign-in away the same way while the queue is full, without counting it as a failure', async () => {
    const account = await createAccount(testApp);
    const burst = Array.from({ length: 8 }, (_, index) => signUp(testApp, `again-${index}`));
    const signIns = Array.from({ length: 12 }, () =>
      testApp.http
        .post('/api/auth/signin')
        .send({ username: account.username, password: 'wrong password' }),
    );
    const answered = await Promise.all([...burst, ...signIns]);
    const signInStatuses = statuses(answered.slice(8));
    expect(signInStatuses[503]).toBeGreaterThanOrEqual(1);
    // Ten wrong guesses lock the account for the window; refused-while-busy ones were not guesses.
    expect(signInStatuses[429]).toBeUndefined();
    await testApp.http
      .post('/api/auth/signin')
      .send({ username: account.username, password: PASSWORD })
      .expect(200);
  });
});
