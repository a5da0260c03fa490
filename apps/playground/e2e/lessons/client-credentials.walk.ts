import type { Learner } from '../support/learner';

interface RegisteredClient {
  clientId: string;
  clientSecret: string;
}

export async function walk(learner: Learner): Promise<void> {
  await learner.signIn('admin');
  const registered = await learner.send(
    {
      method: 'POST',
      path: '/api/clients',
      as: 'admin (role admin)',
      body: JSON.stringify({ name: 'article-sync', scope: ['read'] }),
    },
    201,
  );
  const client = await learner.json<RegisteredClient>(registered);
  await learner.stepDone('Register a machine client');

  await learner.send(
    {
      method: 'POST',
      path: '/api/oauth/token',
      as: 'Basic credentials I type',
      basic: { username: client.clientId, password: client.clientSecret },
      bodyType: 'form (urlencoded)',
      body: 'grant_type=client_credentials',
    },
    200,
  );
  await learner.page
    .getByRole('button', { name: 'Use this token (access_token) as my current token' })
    .click();
  await learner.stepDone('Get a token as the client');

  const list = await learner.send(
    { method: 'GET', path: '/api/articles', as: 'my current token' },
    200,
  );
  const [first] = await learner.json<Array<{ id: number }>>(list);
  await learner.send(
    { method: 'DELETE', path: `/api/articles/${first!.id}`, as: 'my current token' },
    403,
  );
  await learner.stepDone('Read, and be refused a write');

  await learner.answer(
    'Can a browser app use client credentials?',
    /^No — a browser app is a public client/,
  );
  await learner.stepDone('Can a browser app use client credentials?');
}
