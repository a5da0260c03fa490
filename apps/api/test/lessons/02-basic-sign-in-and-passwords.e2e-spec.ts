import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { Learner } from './learner.js';
import { describeLessonSteps } from './lesson-steps.js';

/** The solution's "ada", made unique: each learner here signs up once, on one shared API. */
const ada = () => `ada-${randomUUID().slice(0, 8)}`;

async function signUp(learner: Learner, username: string, password: string) {
  return learner.send('POST', '/api/auth/signup', { as: 'none', body: { username, password } });
}

describeLessonSteps('02-basic-sign-in-and-passwords.md', {
  'sign-up': {
    solution: async (learner) => {
      const response = await signUp(learner, ada(), 'analytical engine');
      expect(response.status).toBe(201);
      // "Use this session": its accessToken becomes the current token.
      learner.useToken((response.body as { accessToken: string }).accessToken);
    },
    lazy: {
      'a sign-in as the demo user': async (learner) => {
        await learner.signIn('user');
      },
      'a refused sign-up (short password)': async (learner) => {
        await signUp(learner, ada(), 'short');
        await learner.signIn('user');
      },
    },
  },
  'wrong-password': {
    solution: async (learner) => {
      const username = ada();
      await signUp(learner, username, 'analytical engine');
      const response = await learner.send('POST', '/api/auth/signin', {
        as: 'none',
        body: { username, password: 'wrong password' },
      });
      expect(response.status).toBe(401);
    },
    lazy: {
      'the right password': async (learner) => {
        await learner.signIn('user');
      },
      'no credentials at all': async (learner) => {
        await learner.send('POST', '/api/auth/signin', { as: 'none' });
      },
      'a malformed Basic header': async (learner) => {
        await learner.send('POST', '/api/auth/signin', { as: { authorization: 'Basic !!!' } });
      },
    },
  },
  'bad-input': {
    solution: async (learner) => {
      expect((await signUp(learner, 'tiny', 'short')).status).toBe(400);
    },
    lazy: {
      'a good sign-up': async (learner) => {
        await signUp(learner, ada(), 'analytical engine');
      },
      'a bad username, good password': async (learner) => {
        await signUp(learner, 'a:b', 'analytical engine');
      },
      'broken JSON': async (learner) => {
        await learner.send('POST', '/api/auth/signup', {
          as: 'none',
          raw: { contentType: 'application/json', text: '{"username":' },
        });
      },
    },
  },
});
