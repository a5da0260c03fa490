import { expect } from 'vitest';
import { describeLessonSteps } from './lesson-steps.js';

describeLessonSteps('04-middleware-and-lifecycle.md', {
  'stopped-by-middleware': {
    solution: async (learner) => {
      const response = await learner.send('POST', '/api/auth/signup', {
        as: 'none',
        raw: { contentType: 'application/json', text: '{"username": ' },
      });
      expect(response.status).toBe(400);
    },
    lazy: {
      'valid JSON that breaks the schema (a pipe, not a middleware)': async (learner) => {
        await learner.send('POST', '/api/auth/signup', { as: 'none', body: { username: 'x' } });
      },
      'a malformed Authorization header (a guard)': async (learner) => {
        await learner.send('GET', '/api/articles', { as: { authorization: 'Bearer' } });
      },
    },
  },
  'wrong-media-type': {
    solution: async (learner) => {
      const response = await learner.send('POST', '/api/auth/signup', {
        as: 'none',
        raw: { contentType: 'text/plain', text: 'hello' },
      });
      expect(response.status).toBe(415);
    },
    lazy: {
      'broken JSON': async (learner) => {
        await learner.send('POST', '/api/auth/signup', {
          as: 'none',
          raw: { contentType: 'application/json', text: '{' },
        });
      },
    },
  },
  'all-the-way-through': {
    before: async (learner) => {
      await learner.signIn('writer');
    },
    solution: async (learner) => {
      const response = await learner.send('POST', '/api/articles', {
        body: { title: 'Hello', body: 'My first article' },
      });
      expect(response.status).toBe(201);
    },
    lazy: {
      'no token': async (learner) => {
        await learner.send('POST', '/api/articles', {
          as: 'none',
          body: { title: 'Hello', body: 'My first article' },
        });
      },
      'a wrong role (403)': async (learner) => {
        await learner.signIn('user');
        await learner.send('POST', '/api/articles', {
          body: { title: 'Hello', body: 'My first article' },
        });
      },
      'a body the pipe refuses': async (learner) => {
        await learner.send('POST', '/api/articles', { body: { title: '' } });
      },
      'a read that also passes every stage': async (learner) => {
        await learner.send('GET', '/api/articles');
      },
    },
  },
  'predict-broken-json-without-a-token': {
    send: async (learner) => {
      await learner.send('POST', '/api/articles', {
        as: 'none',
        raw: { contentType: 'application/json', text: '{"title":' },
      });
    },
  },
});
