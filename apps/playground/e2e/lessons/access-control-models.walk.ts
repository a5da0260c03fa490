import type { Learner } from '../support/learner';

interface Listed {
  id: number;
  authorUsername: string;
  status: string;
  label: string;
}

async function list(learner: Learner, username: string): Promise<Listed[]> {
  await learner.signIn(username);
  const response = await learner.send(
    { method: 'GET', path: '/api/articles', as: 'my current token' },
    200,
  );
  return learner.json<Listed[]>(response);
}

export async function walk(learner: Learner): Promise<void> {
  const others = (await list(learner, 'writer')).find(
    (article) => article.authorUsername !== 'writer' && article.status === 'published',
  )!;
  await learner.send(
    {
      method: 'PATCH',
      path: `/api/articles/${others.id}`,
      as: 'my current token',
      body: JSON.stringify({ title: 'Mine now' }),
    },
    403,
  );
  await learner.stepDone('The owner check refuses a writer');

  const shared = (await list(learner, 'user')).find((article) => article.status === 'draft')!;
  await learner.send(
    { method: 'GET', path: `/api/articles/${shared.id}`, as: 'my current token' },
    200,
  );
  await learner.stepDone('DAC: read a draft shared with you');

  const confidential = (await list(learner, 'editor')).find(
    (article) => article.label === 'confidential',
  )!;
  await learner.signIn('user');
  await learner.send(
    { method: 'GET', path: `/api/articles/${confidential.id}`, as: 'my current token' },
    404,
  );
  await learner.stepDone('MAC: a label above your clearance');

  const credentials = {
    username: `me-${Math.random().toString(36).slice(2, 10)}`,
    password: 'a long enough password',
  };
  await learner.send(
    {
      method: 'POST',
      path: '/api/auth/signup',
      as: 'nobody (no token)',
      body: JSON.stringify(credentials),
    },
    201,
  );
  const signedIn = await learner.json<{ user: { id: number }; accessToken: string }>(
    await learner.send(
      {
        method: 'POST',
        path: '/api/auth/signin',
        as: 'nobody (no token)',
        body: JSON.stringify(credentials),
      },
      200,
    ),
  );
  await learner.signIn('admin');
  await learner.send(
    {
      method: 'PATCH',
      path: `/api/users/${signedIn.user.id}/role`,
      as: 'my current token',
      body: JSON.stringify({ role: 'writer' }),
    },
    200,
  );
  await learner.send(
    {
      method: 'GET',
      path: '/api/auth/me',
      as: 'an Authorization header I write',
      authorization: `Bearer ${signedIn.accessToken}`,
    },
    401,
  );
  await learner.stepDone('The stale role');

  await learner.answer('Which model decided?', /^404, decided by MAC/);
  await learner.stepDone('Which model decided?');
}
