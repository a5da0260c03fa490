import { expect } from 'vitest';
import { describeLessonSteps } from './lesson-steps.js';

describeLessonSteps('01-bearer-tokens.md', {
  'knock-without-a-token': {
    solution: async (learner) => {
      expect((await learner.send('GET', '/api/articles', { as: 'none' })).status).toBe(401);
    },
    lazy: {
      'a garbage token': async (learner) => {
        await learner.send('GET', '/api/articles', { as: { authorization: 'Bearer garbage' } });
      },
      'the legitimate token': async (learner) => {
        await learner.signIn('user');
        await learner.send('GET', '/api/articles');
      },
      'another route, no token': async (learner) => {
        await learner.send('GET', '/api/auth/me', { as: 'none' });
      },
    },
  },
  'get-a-token': {
    solution: async (learner) => {
      await learner.signIn('user');
    },
    lazy: {
      'a sign-in as writer': async (learner) => {
        await learner.signIn('writer');
      },
      'a wrong password': async (learner) => {
        await learner.send('POST', '/api/auth/signin', {
          as: 'none',
          body: { username: 'user', password: 'not the password' },
        });
      },
    },
  },
  'knock-with-the-token': {
    before: async (learner) => {
      await learner.signIn('user');
    },
    solution: async (learner) => {
      expect((await learner.send('GET', '/api/articles')).status).toBe(200);
    },
    lazy: {
      'no token': async (learner) => {
        await learner.send('GET', '/api/articles', { as: 'none' });
      },
      garbage: async (learner) => {
        await learner.send('GET', '/api/articles', { as: { authorization: 'Bearer x.y.z' } });
      },
      'the token in a cookie': async (learner) => {
        await learner.signIn('user', 'cookie');
        await learner.send('GET', '/api/articles', { cookie: { csrf: true } });
      },
    },
  },
});
