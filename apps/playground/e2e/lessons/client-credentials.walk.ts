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

  await learner.send({ method: 'GET', path: '/api/articles', as: 'my current token' }, 200);
  await learner.send({ method: 'DELETE', path: '/api/articles/1', as: 'my current token' }, 403);
  await learner.stepDone('Read, and be refused a write');
}
