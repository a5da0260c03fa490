import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Trace } from '@authlab/shared';
import { createFakeApi } from '../../../test/fake-api';
import { renderWithApi } from '../../../test/render';
import type { LessonDocument } from '../lib/lesson-document';
import { progressStore } from '../lib/progress';
import { LessonRunner } from './LessonRunner';

const QUIZ_LESSON: LessonDocument = {
  id: 'quiz-lesson',
  title: 'A lesson with knowledge checks',
  order: 1,
  summary: 'Two questions: a multiple choice and a prediction.',
  minutes: 5,
  file: '01-quiz-lesson.md',
  steps: [
    {
      id: 'who-reads-the-payload',
      title: 'Who can read the payload?',
      knowledge: {
        type: 'choice',
        question: 'Who can read the payload of a signed JWT?',
        options: [
          {
            text: 'Only the server, it is encrypted',
            correct: false,
            explanation: 'A JWS payload is base64url, not encryption (RFC 7515).',
          },
          {
            text: 'Anyone who holds the token',
            correct: true,
            explanation: 'Decoding base64url needs no key: the signature protects integrity only.',
          },
        ],
      },
    },
    {
      id: 'predict-no-token',
      title: 'Predict: no token',
      knowledge: {
        type: 'predict',
        question: 'What will GET /api/articles with no token get, and which step decides?',
        send: 'Request builder → Send as nobody → GET /api/articles.',
        request: { method: 'GET', path: '/api/articles' },
        options: [
          {
            text: '403 from RolesGuard',
            predicts: { status: 403, decidedBy: 'RolesGuard' },
            correct: false,
            explanation: 'RolesGuard never runs: nobody is known yet, so this is not a 403.',
          },
          {
            text: '401 from JwtAuthGuard',
            predicts: { status: 401, decidedBy: 'JwtAuthGuard' },
            correct: true,
            explanation: 'No credentials: authentication fails first, 401 (RFC 9110 §15.5.2).',
          },
        ],
      },
    },
  ],
  body: [{ tag: 'p', children: ['Questions.'] }],
};

const NO_TOKEN: Omit<Trace, 'id' | 'startedAt' | 'durationMs' | 'owner'> = {
  method: 'GET',
  path: '/api/articles',
  status: 401,
  events: [
    {
      step: 'JwtAuthGuard',
      kind: 'guard',
      startMs: 0,
      durationMs: 0.1,
      outcome: 'deny',
      reason: 'No token.',
    },
  ],
  decidedBy: { step: 'JwtAuthGuard', kind: 'guard', reason: 'No token.' },
};

function renderQuiz(api = createFakeApi()) {
  return renderWithApi(
    <LessonRunner lesson={QUIZ_LESSON} currentToken={undefined} cookieMode={false} tools={null} />,
    {},
    api,
  );
}

function step(title: string): HTMLElement {
  return within(screen.getByRole('list', { name: 'Steps' })).getByRole('listitem', {
    name: new RegExp(title),
  });
}

async function watching() {
  await screen.findByText('Watching your requests: steps tick as you go.');
}

describe('a multiple-choice knowledge check', () => {
  it('explains a wrong answer without ticking, then ticks on the right one and explains every option', async () => {
    renderQuiz();
    await watching();
    const quiz = step('Who can read the payload');
    const check = within(quiz).getByRole('button', { name: 'Check my answer' });
    expect((check as HTMLButtonElement).disabled).toBe(true);

    fireEvent.click(within(quiz).getByRole('radio', { name: /Only the server/ }));
    fireEvent.click(check);
    expect(quiz.textContent).toContain('Not right.');
    expect(quiz.textContent).toContain('A JWS payload is base64url, not encryption (RFC 7515).');
    // The right answer's explanation is not given away by a wrong answer.
    expect(quiz.textContent).not.toContain('Decoding base64url needs no key');
    expect(quiz.textContent).not.toContain('✓ Done');
    expect(screen.getByText('0 of 2 steps done')).toBeDefined();

    fireEvent.click(within(quiz).getByRole('radio', { name: /Anyone who holds the token/ }));
    fireEvent.click(within(quiz).getByRole('button', { name: 'Check my answer' }));
    await vi.waitFor(() => expect(quiz.textContent).toContain('✓ Done'));
    expect(quiz.textContent).toContain('Decoding base64url needs no key');
    expect(quiz.textContent).toContain('A JWS payload is base64url, not encryption');
    expect(
      within(quiz)
        .getByText(/\(your answer\)/)
        .closest('li')?.dataset.option,
    ).toBe('1');
    expect(screen.getByText('1 of 2 steps done')).toBeDefined();
    expect(progressStore.get()['quiz-lesson']?.steps['who-reads-the-payload']).toMatchObject({
      answer: { option: 1 },
      doneAt: expect.stringMatching(/^\d{4}-/),
    });
  });
});

describe('a predict-then-send knowledge check', () => {
  it('judges the committed prediction by the next request: wrong, then right after predicting again', async () => {
    const { api } = renderQuiz();
    await watching();
    const quiz = step('Predict: no token');

    fireEvent.click(within(quiz).getByRole('radio', { name: /403 from RolesGuard/ }));
    fireEvent.click(within(quiz).getByRole('button', { name: 'Commit my prediction' }));
    expect(quiz.textContent).toContain('Prediction committed: 403 from RolesGuard');
    expect(quiz.textContent).toContain('Now send the request');

    act(() => void api.pushTrace(NO_TOKEN));
    await vi.waitFor(() =>
      expect(quiz.textContent).toContain(
        'Not what happened: the API answered 401, decided by JwtAuthGuard.',
      ),
    );
    expect(quiz.textContent).toContain('RolesGuard never runs');
    expect(quiz.textContent).not.toContain('✓ Done');

    // Predicting again after the request was sent: that request no longer counts.
    fireEvent.click(within(quiz).getByRole('radio', { name: /401 from JwtAuthGuard/ }));
    fireEvent.click(within(quiz).getByRole('button', { name: 'Commit this prediction' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(quiz.textContent).toContain('Prediction committed: 401 from JwtAuthGuard');
    expect(quiz.textContent).not.toContain('✓ Done');

    act(() => void api.pushTrace(NO_TOKEN));
    await vi.waitFor(() => expect(quiz.textContent).toContain('✓ Done'));
    expect(quiz.textContent).toContain('Right. The API answered 401, decided by JwtAuthGuard.');
    expect(quiz.textContent).toContain('RFC 9110 §15.5.2');
  });

  it('does not tick a prediction made after the request was sent', async () => {
    const { api } = renderQuiz();
    await watching();
    const quiz = step('Predict: no token');
    act(() => void api.pushTrace(NO_TOKEN));
    await new Promise((resolve) => setTimeout(resolve, 50));

    fireEvent.click(within(quiz).getByRole('radio', { name: /401 from JwtAuthGuard/ }));
    fireEvent.click(within(quiz).getByRole('button', { name: 'Commit my prediction' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(quiz.textContent).toContain('Now send the request');
    expect(quiz.textContent).not.toContain('✓ Done');
  });
});
