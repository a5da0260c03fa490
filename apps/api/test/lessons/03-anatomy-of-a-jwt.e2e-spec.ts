import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { expect } from 'vitest';
import type { Learner } from './learner.js';
import { describeLessonSteps } from './lesson-steps.js';

const SECRET = 'my-practice-secret';

/** The token editor's "Re-sign with a secret" (HS256, plain-text secret), then "Use this token". */
function resign(learner: Learner, secret: string): void {
  const [header, payload] = learner.token!.split('.');
  const input = `${header}.${payload}`;
  learner.useToken(`${input}.${createHmac('sha256', secret).update(input).digest('base64url')}`);
}

/** As admin, the clock moved past the token's lifetime; then the same token sent again. */
async function expireOnTheClock(learner: Learner): Promise<void> {
  await learner.signIn('admin');
  expect(
    (await learner.send('POST', '/api/clock/advance', { body: { seconds: 960 } })).status,
  ).toBe(200);
  expect((await learner.send('GET', '/api/articles')).status).toBe(401);
  await resetClock(learner);
}

/** "Sign in as admin" again (the old token has expired) and put the clock back. */
async function resetClock(learner: Learner): Promise<void> {
  await learner.signIn('admin');
  expect((await learner.send('POST', '/api/clock/reset')).status).toBe(200);
}

describeLessonSteps('03-anatomy-of-a-jwt.md', {
  'read-the-header': {
    solution: async (learner) => {
      await learner.signIn('writer');
    },
    lazy: {
      'a user token': async (learner) => {
        await learner.signIn('user');
      },
      'a lab token (no role writer)': async (learner) => {
        learner.useToken(
          (
            (await learner.send('POST', '/api/lab/alg-none/token', { as: 'none' })).body as {
              token: string;
            }
          ).token,
        );
      },
    },
  },
  'sign-your-own': {
    before: async (learner) => {
      await learner.signIn('writer');
    },
    solution: async (learner) => {
      resign(learner, SECRET);
      learner.verifyWithSecret(SECRET);
    },
    lazy: {
      'the API token, verified with a guess': async (learner) => {
        learner.verifyWithSecret(SECRET);
      },
      're-signed, verified with another secret': async (learner) => {
        resign(learner, SECRET);
        learner.verifyWithSecret('another secret');
      },
    },
  },
  'signature-refused': {
    before: async (learner) => {
      await learner.signIn('writer');
    },
    solution: async (learner) => {
      resign(learner, SECRET);
      expect((await learner.send('GET', '/api/articles')).status).toBe(401);
    },
    lazy: {
      'the legitimate token': async (learner) => {
        await learner.send('GET', '/api/articles');
      },
      'no token': async (learner) => {
        await learner.send('GET', '/api/articles', { as: 'none' });
      },
      garbage: async (learner) => {
        await learner.send('GET', '/api/articles', { as: { authorization: 'Bearer a.b.c' } });
      },
      'a wrong role (403)': async (learner) => {
        await learner.send('DELETE', '/api/articles/1');
      },
    },
  },
  'expired-on-the-clock': {
    solution: expireOnTheClock,
    lazy: {
      'a token that expired on the real clock (as if found in an old log)': async (learner) => {
        const { keys, config } = learner.testApp;
        const now = Math.floor(Date.now() / 1000);
        const old = jwt.sign(
          {
            sub: '1',
            role: 'admin',
            iat: now - 960,
            exp: now - 60,
            iss: config.jwt.issuer,
            aud: config.jwt.audience,
          },
          keys.signingKey,
          {
            algorithm: keys.algorithm,
            header: { alg: keys.algorithm, typ: 'at+jwt', kid: keys.kid },
          },
        );
        await learner.send('GET', '/api/articles', { as: { authorization: `Bearer ${old}` } });
      },
      'the clock moved, a fresh token sent': async (learner) => {
        await learner.signIn('admin');
        await learner.send('POST', '/api/clock/advance', { body: { seconds: 960 } });
        await learner.signIn('admin');
        await learner.send('GET', '/api/articles');
        await learner.send('POST', '/api/clock/reset');
      },
      'the clock moved, garbage sent': async (learner) => {
        await learner.signIn('admin');
        await learner.send('POST', '/api/clock/advance', { body: { seconds: 960 } });
        await learner.send('GET', '/api/articles', { as: { authorization: 'Bearer a.b.c' } });
        await resetClock(learner);
      },
      'a writer may not move the clock (403)': async (learner) => {
        await learner.signIn('writer');
        await learner.send('POST', '/api/clock/advance', { body: { seconds: 960 } });
        await learner.send('GET', '/api/articles');
      },
    },
  },
});
