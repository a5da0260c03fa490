import { expect } from 'vitest';
import type { Learner } from './learner.js';
import { describeLessonSteps } from './lesson-steps.js';

const article = { title: 'Hello', body: 'From a cookie' };
const cookieSignIn = async (learner: Learner) => {
  await learner.signIn('writer', 'cookie');
};

describeLessonSteps('07-cookies-and-csrf.md', {
  'cookie-sign-in': {
    solution: cookieSignIn,
    lazy: {
      'a bearer sign-in': async (learner) => {
        await learner.signIn('writer');
      },
    },
  },
  'sent-by-the-browser': {
    before: cookieSignIn,
    solution: async (learner) => {
      expect((await learner.send('GET', '/api/articles', { cookie: { csrf: true } })).status).toBe(
        200,
      );
    },
    lazy: {
      'the token in the header': async (learner) => {
        await learner.signIn('writer');
        await learner.send('GET', '/api/articles');
      },
      'no credentials': async (learner) => {
        await learner.send('GET', '/api/articles', { as: 'none' });
      },
    },
  },
  'forged-request': {
    before: cookieSignIn,
    solution: async (learner) => {
      const response = await learner.send('POST', '/api/articles', {
        cookie: { csrf: false },
        body: article,
      });
      expect(response.status).toBe(403);
    },
    lazy: {
      'the same request with the CSRF header': async (learner) => {
        await learner.send('POST', '/api/articles', { cookie: { csrf: true }, body: article });
      },
      'a bearer request without the CSRF header': async (learner) => {
        await learner.signIn('writer');
        await learner.send('POST', '/api/articles', { body: article });
      },
      'a wrong role (403 from RolesGuard)': async (learner) => {
        await learner.signIn('user', 'cookie');
        await learner.send('DELETE', '/api/articles/1', { cookie: { csrf: true } });
      },
    },
  },
});
