import { act, render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { LessonDocument } from '../lib/lesson-document';
import { progressStore } from '../lib/progress';
import { LessonPath } from './LessonPath';
import { FIXTURE_LESSON } from '../../../test/fixture-lesson';

const SECOND: LessonDocument = {
  ...FIXTURE_LESSON,
  id: 'second-lesson',
  title: 'The second lesson',
  order: 2,
  file: '02-second-lesson.md',
};
const LESSONS = [FIXTURE_LESSON, SECOND];
const DONE = '2026-11-27T18:00:00.000Z';

/** The status line beside a lesson in the list, e.g. "1 of 3 steps done". */
function statusOf(order: number): string | null | undefined {
  const list = screen.getByRole('list', { name: 'Lessons and your progress' });
  return within(list)
    .getByRole('link', { name: new RegExp(`^${order}\\. `) })
    .closest('li')
    ?.querySelector('.lesson-path-status')?.textContent;
}

describe('LessonPath', () => {
  it('starts at lesson 1 while nothing is done, every lesson not started', () => {
    render(<LessonPath lessons={LESSONS} />);

    expect(
      screen.getByRole('link', { name: 'Start with lesson 1: A lesson for the tests' }),
    ).toHaveProperty('hash', '#/lessons/fixture-lesson');
    expect(screen.getByText(/None complete yet\./)).toBeDefined();
    const items = within(screen.getByRole('list', { name: 'Lessons and your progress' }))
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(items).toEqual([
      '1. A lesson for the testsnot started',
      '2. The second lessonnot started',
    ]);
  });

  it('counts a lesson complete only when every step was checked: hints, the solution and removed steps do not count', () => {
    act(() =>
      progressStore.set({
        'fixture-lesson': {
          steps: {
            'hold-writer': { doneAt: DONE },
            'be-refused': { hintsShown: 1, solutionShown: true },
            'a-step-no-longer-in-the-lesson': { doneAt: DONE },
          },
        },
      }),
    );
    render(<LessonPath lessons={LESSONS} />);

    expect(statusOf(1)).toBe('1 of 3 steps done');
    expect(statusOf(2)).toBe('not started');
    expect(screen.getByText(/None complete yet\./)).toBeDefined();
    expect(
      screen.getByRole('link', { name: 'Continue with lesson 1: A lesson for the tests' }),
    ).toBeDefined();

    act(() =>
      progressStore.set({
        'fixture-lesson': {
          steps: Object.fromEntries(
            FIXTURE_LESSON.steps.map((step) => [step.id, { doneAt: DONE }]),
          ),
        },
      }),
    );
    expect(statusOf(1)).toBe('✓ complete');
    expect(screen.getByText('1 of 2 lessons complete.')).toBeDefined();
    expect(
      screen.getByRole('link', { name: 'Continue with lesson 2: The second lesson' }),
    ).toBeDefined();
  });
});
