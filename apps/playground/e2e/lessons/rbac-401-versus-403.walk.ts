import type { Learner } from '../support/learner';

export async function walk(learner: Learner): Promise<void> {
  const { page } = learner;
  // As the solution says: an article of the learner's own, created as editor, never a fixed id.
  await learner.signIn('editor');
  const created = await learner.send(
    {
      method: 'POST',
      path: '/api/articles',
      as: 'my current token',
      body: JSON.stringify({ title: 'Doomed', body: 'To be deleted' }),
    },
    201,
  );
  const { id } = await learner.json<{ id: number }>(created);
  await learner.send(
    { method: 'DELETE', path: `/api/articles/${id}`, as: 'my current token' },
    403,
  );
  await learner.stepDone('An editor tries to delete');

  // Then as admin, with its own sign-in.
  await learner.signIn('admin');
  await learner.send(
    { method: 'DELETE', path: `/api/articles/${id}`, as: 'my current token' },
    204,
  );
  await learner.stepDone('An admin deletes');

  await learner.tool('RBAC matrix');
  const cell = page.getByRole('button', { name: /^Send GET \/api\/users as editor:/ });
  await cell.click();
  await page
    .getByRole('region', { name: 'Lifecycle of GET /api/users' })
    .locator('[aria-current="step"][data-step="RolesGuard"]')
    .waitFor();
  await learner.stepDone('Read the rules from the code');

  await learner.signIn('user');
  await learner.commitPrediction(
    'Predict: a user deletes an article that does not exist',
    /403 Forbidden, from RolesGuard/,
  );
  await learner.send(
    { method: 'DELETE', path: '/api/articles/999999', as: 'my current token' },
    403,
  );
  await learner.stepDone('Predict: a user deletes an article that does not exist');

  await learner.answer('401 or 403?', /^401 with WWW-Authenticate/);
  await learner.stepDone('401 or 403?');
}
