import { expect } from 'vitest';
import type { Learner } from './learner.js';
import { describeLessonSteps } from './lesson-steps.js';

/** POST /api/auth/signin from the request builder, as nobody: the answer shows the refreshToken. */
async function signInForRefreshToken(learner: Learner): Promise<string> {
  const response = await learner.send('POST', '/api/auth/signin', {
    as: 'none',
    body: { username: 'user', password: 'user-demo-password' },
  });
  expect(response.status).toBe(200);
  return (response.body as { refreshToken: string }).refreshToken;
}

async function refresh(learner: Learner, refreshToken: string) {
  return learner.send('POST', '/api/auth/refresh', { as: 'none', body: { refreshToken } });
}

/** Lesson state between steps: the refresh token the learner signed in with, and its successor. */
const tokens = new WeakMap<Learner, { first: string; second: string }>();

describeLessonSteps('08-refresh-tokens-and-sign-out.md', {
  refresh: {
    solution: async (learner) => {
      const response = await refresh(learner, await signInForRefreshToken(learner));
      expect(response.status).toBe(200);
    },
    lazy: {
      'a garbage refresh token': async (learner) => {
        await refresh(learner, 'garbage');
      },
      'an access token as the refresh token': async (learner) => {
        await learner.signIn('user');
        await refresh(learner, learner.token!);
      },
    },
  },
  replay: {
    before: async (learner) => {
      const first = await signInForRefreshToken(learner);
      const response = await refresh(learner, first);
      tokens.set(learner, {
        first,
        second: (response.body as { refreshToken: string }).refreshToken,
      });
    },
    solution: async (learner) => {
      const { first, second } = tokens.get(learner)!;
      expect((await refresh(learner, first)).status).toBe(400);
      expect((await refresh(learner, second)).status).toBe(400);
    },
    lazy: {
      'two garbage refresh tokens': async (learner) => {
        await refresh(learner, 'garbage-1');
        await refresh(learner, 'garbage-2');
      },
      'the replay alone, the new token never tried': async (learner) => {
        await refresh(learner, tokens.get(learner)!.first);
      },
      'the new token used normally, then the old one twice': async (learner) => {
        const { first, second } = tokens.get(learner)!;
        await refresh(learner, second);
        await refresh(learner, first);
        await refresh(learner, first);
      },
      'a signed-out session, its refresh token tried twice': async (learner) => {
        const response = await learner.send('POST', '/api/auth/signin', {
          as: 'none',
          body: { username: 'user', password: 'user-demo-password' },
        });
        const body = response.body as { accessToken: string; refreshToken: string };
        learner.useToken(body.accessToken);
        await learner.send('POST', '/api/auth/signout');
        await refresh(learner, body.refreshToken);
        await refresh(learner, body.refreshToken);
      },
    },
  },
  'sign-out': {
    before: async (learner) => {
      await learner.signIn('user');
    },
    solution: async (learner) => {
      expect((await learner.send('POST', '/api/auth/signout')).status).toBe(204);
      expect((await learner.send('GET', '/api/articles')).status).toBe(401);
      await learner.signIn('user');
    },
    lazy: {
      'a sign-out, then a request with another token': async (learner) => {
        await learner.send('POST', '/api/auth/signout');
        await learner.signIn('user');
        await learner.send('GET', '/api/articles');
      },
      'a sign-out, then no token': async (learner) => {
        await learner.send('POST', '/api/auth/signout');
        await learner.send('GET', '/api/articles', { as: 'none' });
      },
      'a request with a garbage token, then a sign-out': async (learner) => {
        await learner.send('GET', '/api/articles', { as: { authorization: 'Bearer a.b.c' } });
        await learner.send('POST', '/api/auth/signout');
      },
    },
  },
});
