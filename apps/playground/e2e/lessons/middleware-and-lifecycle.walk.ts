import type { Learner } from '../support/learner';

export async function walk(learner: Learner): Promise<void> {
  await learner.send(
    { method: 'POST', path: '/api/auth/signup', as: 'nobody (no token)', body: '{"username": ' },
    400,
  );
  await learner.stepDone('Stop a request in the middleware');

  await learner.send(
    {
      method: 'POST',
      path: '/api/auth/signup',
      as: 'nobody (no token)',
      bodyType: 'text/plain',
      body: 'hello',
    },
    415,
  );
  await learner.stepDone('Send the wrong kind of body');

  // As the solution says: sign in as writer, then send with the current token.
  await learner.signIn('writer');
  await learner.send(
    {
      method: 'POST',
      path: '/api/articles',
      as: 'my current token',
      bodyType: 'JSON',
      body: JSON.stringify({ title: 'Hello', body: 'My first article' }),
    },
    201,
  );
  await learner.stepDone('Go all the way to the handler');

  const predict = 'Predict: broken JSON, and no token';
  await learner.commitPrediction(predict, /^400 Bad Request, from jsonBodyParser/);
  await learner.send(
    { method: 'POST', path: '/api/articles', as: 'nobody (no token)', body: '{"title":' },
    400,
  );
  await learner.stepDone(predict);

  await learner.answer('Does middleware order matter?', /^401 from requireAuth/);
  await learner.stepDone('Does middleware order matter?');
}
