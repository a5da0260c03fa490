import type { Learner } from '../support/learner';

export async function walk(learner: Learner): Promise<void> {
  await learner.signIn('writer', 'HttpOnly cookie');
  await learner.tool('Cookies');
  await learner.page.getByRole('article', { name: 'Cookie authlab_access' }).waitFor();
  await learner.stepDone('Sign in in cookie mode');

  await learner.send({ method: 'GET', path: '/api/articles', cookie: { csrf: true } }, 200);
  await learner.stepDone('Let the browser send it');

  await learner.send(
    {
      method: 'POST',
      path: '/api/articles',
      cookie: { csrf: false },
      body: JSON.stringify({ title: 'Forged', body: 'Sent by another site' }),
    },
    403,
  );
  await learner.stepDone("Play the attacker's page");

  await learner.answer('Does HttpOnly stop XSS?', /^Send requests as you/);
  await learner.stepDone('Does HttpOnly stop XSS?');
}
