import type { Learner } from '../support/learner';

const PRACTICE_SECRET = 'my-practice-secret';

export async function walk(learner: Learner): Promise<void> {
  const { page } = learner;
  await learner.signIn('writer');
  await learner.tool('Token inspector');
  await page.getByRole('region', { name: 'Decoded header' }).getByText('at+jwt').waitFor();
  await learner.stepDone('Read the header');

  await learner.tool('Token editor');
  await page.getByRole('radio', { name: /Re-sign with a secret/ }).check();
  await page.getByLabel('Secret to sign with').fill(PRACTICE_SECRET);
  await page.getByLabel('Secret is').selectOption('utf8');
  await page.getByRole('button', { name: 'Use this token', exact: true }).click();
  await learner.tool('Token inspector');
  await page.getByLabel('Secret', { exact: true }).fill(PRACTICE_SECRET);
  await page.getByLabel('Secret is').selectOption('utf8');
  await page.getByRole('status', { name: 'Signature' }).getByText('✓ Verified').waitFor();
  await learner.stepDone('Sign a token yourself, then verify it');

  await learner.tool('Token editor');
  await learner.sendEdited('GET /api/articles', 401);
  await learner.stepDone('Let the API judge your token');

  await learner.signIn('admin');
  await learner.send(
    {
      method: 'POST',
      path: '/api/clock/advance',
      as: 'my current token',
      body: JSON.stringify({ seconds: 960 }),
    },
    200,
  );
  await learner.send({ method: 'GET', path: '/api/articles', as: 'my current token' }, 401);
  await learner.stepDone('Meet an expired token');
  // Put the clock back for whoever comes next: a fresh admin token, then reset.
  await learner.signIn('admin');
  await learner.send(
    { method: 'POST', path: '/api/clock/reset', as: 'my current token', body: '' },
    200,
  );

  await learner.answer('Is the payload secret?', /^Anyone who holds the token/);
  await learner.stepDone('Is the payload secret?');
}
