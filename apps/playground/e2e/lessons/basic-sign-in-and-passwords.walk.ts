import type { Learner } from '../support/learner';

export async function walk(learner: Learner): Promise<void> {
  // Every run signs up a new account: the API keeps the accounts of earlier runs.
  const username = `ada-${Date.now().toString(36)}`;
  const credentials = (password: string) => JSON.stringify({ username, password });

  await learner.send(
    {
      method: 'POST',
      path: '/api/auth/signup',
      as: 'nobody (no token)',
      body: credentials('analytical engine'),
    },
    201,
  );
  await learner.page
    .getByRole('button', { name: `Use this session (signed in as ${username})` })
    .click();
  await learner.page.getByText(new RegExp(`^Signed in as ${username} \\(role user\\)`)).waitFor();
  await learner.stepDone('Create your own account');

  await learner.send(
    {
      method: 'POST',
      path: '/api/auth/signin',
      as: 'nobody (no token)',
      body: credentials('wrong password'),
    },
    401,
  );
  await learner.stepDone('Fail on purpose');

  await learner.send(
    {
      method: 'POST',
      path: '/api/auth/signup',
      as: 'nobody (no token)',
      body: JSON.stringify({ username: 'tiny', password: 'short' }),
    },
    400,
  );
  await learner.stepDone('Break the rules of the form');

  await learner.answer('What does the API keep of your password?', /^An argon2id hash/);
  await learner.stepDone('What does the API keep of your password?');
}
