import type { Learner } from '../support/learner';

interface Session {
  accessToken: string;
  refreshToken: string;
}

export async function walk(learner: Learner): Promise<void> {
  // Signed in from the request builder, so the answer (and its refresh token) is on screen.
  const signIn = await learner.send(
    {
      method: 'POST',
      path: '/api/auth/signin',
      as: 'nobody (no token)',
      body: JSON.stringify({ username: 'user', password: 'user-demo-password' }),
    },
    200,
  );
  const first = await learner.json<Session>(signIn);
  const refresh = (refreshToken: string, status: number) =>
    learner.send(
      {
        method: 'POST',
        path: '/api/auth/refresh',
        as: 'nobody (no token)',
        body: JSON.stringify({ refreshToken }),
      },
      status,
    );
  const second = await learner.json<Session>(await refresh(first.refreshToken, 200));
  await learner.stepDone('Refresh');

  await refresh(first.refreshToken, 400);
  // The region shows a 400 already: wait for the second answer by its own trace, not the badge.
  await refresh(second.refreshToken, 400);
  await learner.stepDone('Replay the old one');

  await learner.signIn('user');
  await learner.send(
    { method: 'POST', path: '/api/auth/signout', as: 'my current token', body: '' },
    204,
  );
  await learner.send({ method: 'GET', path: '/api/articles', as: 'my current token' }, 401);
  // As the solution says: sign in again, and the runner reads the signed-out token's requests.
  await learner.signIn('user');
  await learner.stepDone('Sign out for real');

  await learner.answer('Is a refresh token a JWT?', /^An opaque random string/);
  await learner.stepDone('Is a refresh token a JWT?');
}
