import type { Learner } from '../support/learner';

export async function walk(learner: Learner): Promise<void> {
  const { page } = learner;
  await learner.signIn('writer');
  // An article of the learner's own, so deleting it never depends on what earlier runs left.
  const created = await learner.send(
    {
      method: 'POST',
      path: '/api/articles',
      as: 'writer (role writer)',
      body: JSON.stringify({ title: 'Doomed', body: 'To be deleted' }),
    },
    201,
  );
  const { id } = JSON.parse((await created.getByLabel('Response body').textContent()) ?? '{}') as {
    id: number;
  };

  // As the solution says: sign in as editor (the runner reads the requests of the current token).
  await learner.signIn('editor');
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
