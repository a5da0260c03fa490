import { expect } from 'vitest';
import type { Learner } from './learner.js';
import { describeLessonSteps } from './lesson-steps.js';

/** The token editor changing claims and keeping the old signature. */
function tamper(learner: Learner, change: Record<string, unknown>): void {
  const [header, payload, signature] = learner.token!.split('.');
  const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as object;
  const edited = Buffer.from(JSON.stringify({ ...claims, ...change })).toString('base64url');
  learner.useToken(`${header}.${edited}.${signature}`);
}

const signedInAsUser = async (learner: Learner) => {
  await learner.signIn('user');
};

describeLessonSteps('05-guards-and-passport-jwt.md', {
  'tampered-token': {
    before: signedInAsUser,
    solution: async (learner) => {
      tamper(learner, { role: 'admin' });
      expect((await learner.send('GET', '/api/articles')).status).toBe(401);
    },
    lazy: {
      'the legitimate token': async (learner) => {
        await learner.send('GET', '/api/articles');
      },
      garbage: async (learner) => {
        await learner.send('GET', '/api/articles', { as: { authorization: 'Bearer a.b.c' } });
      },
      'a bad signature, role unchanged': async (learner) => {
        tamper(learner, { username: 'someone-else' });
        await learner.send('GET', '/api/articles');
      },
      'a wrong role (403)': async (learner) => {
        await learner.send('DELETE', '/api/articles/1');
      },
    },
  },
  'wrong-audience': {
    before: signedInAsUser,
    solution: async (learner) => {
      tamper(learner, { aud: 'another-api' });
      expect((await learner.send('GET', '/api/articles')).status).toBe(401);
    },
    lazy: {
      'a bad signature, aud unchanged': async (learner) => {
        tamper(learner, { role: 'admin' });
        await learner.send('GET', '/api/articles');
      },
      'no token': async (learner) => {
        await learner.send('GET', '/api/articles', { as: 'none' });
      },
      'the legitimate token': async (learner) => {
        await learner.send('GET', '/api/articles');
      },
    },
  },
  'malformed-header': {
    solution: async (learner) => {
      const response = await learner.send('GET', '/api/articles', {
        as: { authorization: 'Bearer' },
      });
      expect(response.status).toBe(400);
    },
    lazy: {
      'no header': async (learner) => {
        await learner.send('GET', '/api/articles', { as: 'none' });
      },
      'a garbage token (well-formed header)': async (learner) => {
        await learner.send('GET', '/api/articles', { as: { authorization: 'Bearer garbage' } });
      },
    },
  },
});
