import type { LessonDocument } from '../features/lessons/lib/lesson-document';

/** A small lesson for the runner's tests: one token step, one request step, one signature step. */
export const FIXTURE_LESSON: LessonDocument = {
  id: 'fixture-lesson',
  title: 'A lesson for the tests',
  order: 1,
  summary: 'Three steps: a token, a refused request and a verified signature.',
  minutes: 5,
  file: '01-fixture-lesson.md',
  steps: [
    {
      id: 'hold-writer',
      title: 'Hold a writer token',
      task: 'Sign in as `writer`.',
      check: { type: 'token-claim', claim: 'role', equals: 'writer' },
      hints: ['The sign-in buttons use the demo accounts.', 'Press the writer button.'],
      solution: 'Press "Sign in as writer".',
    },
    {
      id: 'be-refused',
      title: 'Be refused by RolesGuard',
      task: 'Delete an article as writer.',
      check: { type: 'request', match: { status: 403, decidedBy: 'RolesGuard' } },
      hints: ['Only admins delete.'],
      solution: 'DELETE /api/articles/1 as writer.',
    },
    {
      id: 'verify',
      title: 'Verify with a secret',
      task: 'Check the signature of your token with a secret.',
      check: { type: 'signature-verified', keyKind: 'secret' },
      hints: ['The inspector has a signature check.'],
      solution: 'Token inspector → HMAC secret.',
    },
  ],
  body: [
    { tag: 'h2', children: ['Why it matters'] },
    {
      tag: 'p',
      children: [
        'Read ',
        { tag: 'strong', children: ['this'] },
        ' and ',
        { tag: 'a', attrs: { href: 'javascript:alert(1)' }, children: ['that'] },
        '.',
      ],
    },
  ],
};
