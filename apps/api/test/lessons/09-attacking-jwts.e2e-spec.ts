import { createHmac } from 'node:crypto';
import { expect } from 'vitest';
import type { Learner } from './learner.js';
import { describeLessonSteps } from './lesson-steps.js';

type Json = Record<string, unknown>;
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
  if (expected) expect([weak.status, secure.status]).toEqual(expected);
}

async function publicPem(learner: Learner): Promise<string> {
  const response = await learner.send('GET', '/api/lab/issuer/public-key', { as: 'none' });
  return (response.body as { pem: string }).pem;
}

/** What every lab step must resist: the lab's own token, no token, garbage, half an attack. */
function lazyPaths(exercise: string, forge: (learner: Learner) => Promise<void>) {
  return {
    'the legitimate lab token, sent to both': async (learner: Learner) => {
      await startFrom(learner, exercise);
      await sendToBoth(learner, exercise);
    },
    'no token, sent to both': async (learner: Learner) => {
      await learner.send('GET', `/api/lab/${exercise}/weak`, { as: 'none' });
      await learner.send('GET', `/api/lab/${exercise}/secure`, { as: 'none' });
    },
    'garbage, sent to both': async (learner: Learner) => {
      learner.useToken('garbage.garbage.garbage');
      await sendToBoth(learner, exercise);
    },
    'the forgery sent to the weak verifier only': async (learner: Learner) => {
      await forge(learner);
      await learner.send('GET', `/api/lab/${exercise}/weak`);
    },
    'the forgery to the weak verifier, the legitimate token to the secure one': async (
      learner: Learner,
    ) => {
      await forge(learner);
      await learner.send('GET', `/api/lab/${exercise}/weak`);
      await startFrom(learner, exercise);
      await learner.send('GET', `/api/lab/${exercise}/secure`);
    },
    'role admin without the attack (old signature kept)': async (learner: Learner) => {
      await startFrom(learner, exercise);
      edit(learner, { claims: { role: 'admin' } }, 'keep');
      await sendToBoth(learner, exercise);
    },
  };
}

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
const forgeKid = async (learner: Learner) => {
  await startFrom(learner, 'kid-injection');
  edit(
    learner,
    { header: { kid: '../../../../dev/null' }, claims: { role: 'admin' } },
    { hs256: Buffer.alloc(0) },
  );
};

describeLessonSteps('09-attacking-jwts.md', {
  'alg-none': {
    solution: async (learner) => {
      await forgeAlgNone(learner);
      await sendToBoth(learner, 'alg-none', [200, 401]);
    },
    lazy: {
      ...lazyPaths('alg-none', forgeAlgNone),
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
      'the exercise token (already signed with "secret"), re-signed unchanged': async (learner) => {
        await startFrom(learner, 'weak-secret');
        edit(learner, {}, { hs256: 'secret' });
        await sendToBoth(learner, 'weak-secret');
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
      'an admin token signed with a secret that is not the PEM': async (learner) => {
        await startFrom(learner, 'algorithm-confusion');
        edit(learner, { claims: { role: 'admin' } }, { hs256: 'secret' });
        await sendToBoth(learner, 'algorithm-confusion');
      },
    },
  },
  'kid-injection': {
    solution: async (learner) => {
      await forgeKid(learner);
      await sendToBoth(learner, 'kid-injection', [200, 401]);
    },
    lazy: {
      ...lazyPaths('kid-injection', forgeKid),
      'an empty key with the issuer kid': async (learner) => {
        await startFrom(learner, 'kid-injection');
        edit(learner, { claims: { role: 'admin' } }, { hs256: Buffer.alloc(0) });
        await sendToBoth(learner, 'kid-injection');
      },
    },
  },
});
