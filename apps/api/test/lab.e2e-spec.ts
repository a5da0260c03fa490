import { createHmac } from 'node:crypto';
import type { Trace } from '@authlab/shared';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config/load-config.js';
import { LoopbackOnlyGuard } from '../src/lab/loopback-only.guard.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SESSION = 'lab-session-000000001';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const parts = (token: string) =>
  token
    .split('.')
    .slice(0, 2)
    .map(
      (part) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Record<string, unknown>,
    );

function hs256(header: object, payload: object, key: string | Buffer): string {
  const signingInput = `${b64(header)}.${b64(payload)}`;
  return `${signingInput}.${createHmac('sha256', key).update(signingInput).digest('base64url')}`;
}

describe('the attack-and-defend lab', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp({ lab: true });
  });
  afterAll(() => testApp?.close());

  const legitToken = async (exercise: string) =>
    ((await testApp.http.post(`/api/lab/${exercise}/token`).expect(200)).body as { token: string })
      .token;

  async function sendToBoth(exercise: string, token: string) {
    const send = (variant: string) =>
      testApp.http
        .get(`/api/lab/${exercise}/${variant}`)
        .set('Authorization', `Bearer ${token}`)
        .set('X-Playground-Session', SESSION);
    return { weak: await send('weak'), secure: await send('secure') };
  }

  const forgers: Record<string, (legit: string) => Promise<string>> = {
    'alg-none': async (legit) => {
      const [header, payload] = parts(legit);
      return `${b64({ ...header, alg: 'none' })}.${b64({ ...payload, role: 'admin' })}.`;
    },
    'ignored-expiry': async (legit) => legit, // the token is already expired: replaying it is the attack
    'weak-secret': async (legit) => {
      const [header, payload] = parts(legit);
      return hs256(header!, { ...payload, role: 'admin' }, 'secret'); // "secret" is the first word of any wordlist
    },
    'jku-injection': async (legit) => {
      const [, payload] = parts(legit);
      const { pem, kid } = (await testApp.http.get('/api/lab/attacker/private-key').expect(200))
        .body as { pem: string; kid: string };
      return jwt.sign({ ...payload, role: 'admin' }, pem, {
        algorithm: 'ES256',
        header: {
          alg: 'ES256',
          typ: 'at+jwt',
          kid,
          jku: 'http://127.0.0.1/api/lab/attacker/jwks.json',
        },
      });
    },
    'algorithm-confusion': async (legit) => {
      const [header, payload] = parts(legit);
      const { pem } = (await testApp.http.get('/api/lab/issuer/public-key').expect(200)).body as {
        pem: string;
      };
      return hs256({ ...header, alg: 'HS256' }, { ...payload, role: 'admin' }, pem);
    },
    'kid-injection': async (legit) => {
      const [header, payload] = parts(legit);
      return hs256(
        { ...header, kid: '../../../../dev/null' },
        { ...payload, role: 'admin' },
        Buffer.alloc(0),
      );
    },
  };

  it('lists its exercises', async () => {
    const list = (await testApp.http.get('/api/lab').expect(200)).body as Array<{ id: string }>;
    expect(list.map((exercise) => exercise.id).sort()).toEqual(Object.keys(forgers).sort());
  });

  it.each(Object.keys(forgers))(
    '%s: the same forged token is accepted by the weak verifier and refused by the secure one',
    async (exercise) => {
      const forged = await forgers[exercise]!(await legitToken(exercise));
      const { weak, secure } = await sendToBoth(exercise, forged);

      expect(weak.status).toBe(200);
      expect(weak.body).toMatchObject({ exercise, variant: 'weak', verdict: 'accepted' });
      if (exercise !== 'ignored-expiry') expect(weak.body.claims.role).toBe('admin');
      expect(secure.status).toBe(401);
      expect(secure.body.message).toMatch(/^secure verifier: Refused: /);

      // Both traces are there to compare side by side.
      for (const response of [weak, secure]) {
        const trace = (
          await testApp.http
            .get(`/api/traces/${response.headers['x-trace-id']}`)
            .set('X-Playground-Session', SESSION)
            .expect(200)
        ).body as Trace;
        expect(trace.path).toBe(`/api/lab/${exercise}/${response === weak ? 'weak' : 'secure'}`);
        expect(trace.events.some((event) => event.kind === 'handler')).toBe(true);
      }
    },
  );

  it.each(['alg-none', 'jku-injection', 'algorithm-confusion', 'kid-injection'])(
    '%s: the secure verifier accepts the legitimate token',
    async (exercise) => {
      const { secure } = await sendToBoth(exercise, await legitToken(exercise));
      expect(secure.status).toBe(200);
    },
  );

  it('refuses unknown exercises and variants', async () => {
    await testApp.http.get('/api/lab/sql-injection/weak').expect(400);
    await testApp.http.get('/api/lab/alg-none/lenient').expect(400);
  });
});

describe('when the lab is off', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(() => testApp?.close());

  it('answers 404 on every lab route', async () => {
    for (const path of ['/api/lab', '/api/lab/alg-none/weak', '/api/lab/attacker/private-key']) {
      await testApp.http.get(path).expect(404);
    }
    await testApp.http.post('/api/lab/alg-none/token').expect(404);
  });
});

describe('where the lab may run', () => {
  it('is refused in production', () => {
    expect(() =>
      loadConfig(
        { NODE_ENV: 'production', JWT_SECRET: Buffer.alloc(32, 7).toString('base64'), LAB: 'true' },
        [],
      ),
    ).toThrow(/refused in production/);
  });

  it('is refused unless the API listens on loopback', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' }, ['--lab'])).toThrow(/loopback only/);
    expect(loadConfig({ HOST: '::1' }, ['--lab']).lab).toBe(true);
  });

  it('answers only requests from this machine', () => {
    const guard = new LoopbackOnlyGuard();
    const from = (remoteAddress: string) =>
      ({ switchToHttp: () => ({ getRequest: () => ({ socket: { remoteAddress } }) }) }) as never;
    expect(guard.canActivate(from('127.0.0.1'))).toBe(true);
    expect(guard.canActivate(from('::ffff:127.0.0.1'))).toBe(true);
    expect(() => guard.canActivate(from('192.0.2.10'))).toThrow('Not found.');
  });
});
