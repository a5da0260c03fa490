import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount, type Account } from './support/sessions.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { PASSWORD } from './support/users.js';

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;

/** The parts of an answer an attacker could compare; the trace id and the countdown aside. */
function observable(response: {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown>;
}) {
  const { traceId: _traceId, ...body } = response.body;
  return {
    status: response.status,
    retryAfter: response.headers['retry-after'] === undefined ? 'none' : 'set',
    body: JSON.stringify(body).replace(/\d+ s\./, 'N s.'),
  };
}

describe('sign-in throttling per account', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({
      signInThrottle: { maxFailuresPerAccount: 10, maxFailuresPerIp: 1000, windowSeconds: 900 },
    });
  });
  afterAll(() => testApp?.close());

  const signIn = (username: string, password: string) =>
    testApp.http.post('/api/auth/signin').send({ username, password });

  it('answers the 11th attempt after 10 failures with 429 and Retry-After — even with the right password', async () => {
    const account = await createAccount(testApp);
    for (let i = 0; i < 10; i++) await signIn(account.username, `wrong guess ${i}`).expect(401);
    const blocked = await signIn(account.username, PASSWORD).expect(429);
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(900);
    expect(blocked.body.message).toBe(
      `Too many failed sign-ins for this account. Try again in ${retryAfter} s.`,
    );
    // Basic credentials reach the same account, so they are blocked too.
    await testApp.http
      .post('/api/auth/signin')
      .set('Authorization', basic(account.username, PASSWORD))
      .expect(429);
  });

  it('throttles an account that does not exist exactly like one that does', async () => {
    const real = await createAccount(testApp);
    const answers: Record<string, unknown[]> = { real: [], unknown: [] };
    for (let i = 0; i < 12; i++) {
      answers.real!.push(observable(await signIn(real.username, `wrong guess ${i}`)));
      answers.unknown!.push(
        observable(await signIn(`nobody-${real.username}`, `wrong guess ${i}`)),
      );
    }
    expect(answers.unknown).toEqual(answers.real);
    expect(answers.real!.map((answer) => (answer as { status: number }).status)).toEqual([
      ...Array(10).fill(401),
      429,
      429,
    ]);
  });

  it('counts parallel guesses before checking them, so they cannot slip past the limit', async () => {
    const account = await createAccount(testApp);
    const responses = await Promise.all(
      Array.from({ length: 16 }, (_, i) => signIn(account.username, `parallel ${i}`)),
    );
    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([...Array(10).fill(401), ...Array(6).fill(429)]);
  });

  it('forgets an account’s failures after a successful sign-in', async () => {
    const account = await createAccount(testApp);
    for (let i = 0; i < 9; i++) await signIn(account.username, `wrong guess ${i}`).expect(401);
    await signIn(account.username, PASSWORD).expect(200);
    for (let i = 0; i < 10; i++) await signIn(account.username, `wrong again ${i}`).expect(401);
    await signIn(account.username, PASSWORD).expect(429);
  });

  it('throttles guessing the current password on the password-change route', async () => {
    const account: Account = await createAccount(testApp);
    const token = (await signIn(account.username, PASSWORD).expect(200)).body.accessToken as string;
    const change = (currentPassword: string) =>
      testApp.http
        .post('/api/auth/password')
        .set('Authorization', `Bearer ${token}`)
        .send({ currentPassword, newPassword: 'something new' });
    for (let i = 0; i < 10; i++) await change(`guess ${i}`).expect(403);
    await change(PASSWORD).expect(429);
  });
});

describe('sign-in throttling per IP', () => {
  let testApp: TestApp;

  beforeAll(async () => {
    testApp = await startTestApp({
      signInThrottle: { maxFailuresPerAccount: 10, maxFailuresPerIp: 5, windowSeconds: 2 },
    });
  });
  afterAll(() => testApp?.close());

  it('blocks one address that tries many accounts, then lets it in again when Retry-After has passed', async () => {
    const account = await createAccount(testApp);
    for (let i = 0; i < 5; i++) {
      await testApp.http
        .post('/api/auth/signin')
        .send({ username: `sprayed-${i}`, password: 'Summer2024!' })
        .expect(401);
    }
    const blocked = await testApp.http
      .post('/api/auth/signin')
      .send({ username: account.username, password: PASSWORD })
      .expect(429);
    expect(blocked.body.message).toMatch(/^Too many failed sign-ins from your network\./);
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(2);

    await sleep(retryAfter * 1000 + 100);
    await testApp.http
      .post('/api/auth/signin')
      .send({ username: account.username, password: PASSWORD })
      .expect(200);
  });

  it('does not count successful sign-ins against the address', async () => {
    const account = await createAccount(testApp);
    for (let i = 0; i < 8; i++)
      await testApp.http
        .post('/api/auth/signin')
        .send({ username: account.username, password: PASSWORD })
        .expect(200);
  });
});
