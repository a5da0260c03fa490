import type { Learner } from '../support/learner';

export async function walk(learner: Learner): Promise<void> {
  await learner.send({ method: 'GET', path: '/api/articles', as: 'nobody (no token)' }, 401);
  await learner.stepDone('Knock without a token');

  await learner.signIn('user');
  await learner.stepDone('Get a token');

  await learner.send({ method: 'GET', path: '/api/articles', as: 'my current token' }, 200);
  await learner.stepDone('Knock again, with the token');

  await learner.answer('Whose token is it?', /^Accepts it, until it expires/);
  await learner.stepDone('Whose token is it?');
}
