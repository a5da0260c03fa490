import type { Learner } from '../support/learner';

export async function walk(learner: Learner): Promise<void> {
  const { page } = learner;
  await learner.signIn('user');
  await learner.tool('Token editor');
  await page.getByLabel('role').selectOption('admin');
  await learner.sendEdited('GET /api/articles', 401);
  await learner.stepDone('Tamper with a token');

  await page.getByLabel('aud').fill('another-api');
  await learner.sendEdited('GET /api/articles', 401);
  await learner.stepDone('A token for another API, never read');

  await learner.send(
    {
      method: 'GET',
      path: '/api/articles',
      as: 'an Authorization header I write',
      authorization: 'Bearer',
    },
    400,
  );
  await learner.stepDone('Break the header syntax');

  await learner.answer("What does a guard's false mean?", /^403 Forbidden — Nest turns false/);
  await learner.stepDone("What does a guard's false mean?");
}
