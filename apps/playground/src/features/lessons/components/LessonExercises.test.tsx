import { formatResultCode } from '@authlab/shared';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { exerciseResultsStore } from '../lib/exercise-results';
import { LessonExercises } from './LessonExercises';

const graded = { exercise: 6, passed: 17, total: 19, gradedAt: '2026-11-29T17:40Z' };

function exercise(name: RegExp) {
  return within(screen.getByText(name).closest('li') as HTMLElement);
}

function paste(into: ReturnType<typeof exercise>, code: string) {
  fireEvent.change(into.getByRole('textbox'), { target: { value: code } });
  fireEvent.click(into.getByRole('button', { name: 'Record' }));
}

describe('LessonExercises', () => {
  beforeEach(() => {
    exerciseResultsStore.set({});
    localStorage.clear();
  });

  it('lists the exercises of the lesson, none graded yet', () => {
    render(<LessonExercises lessonId="rbac-401-versus-403" />);
    expect(screen.getByRole('heading', { name: 'Write it yourself' })).toBeTruthy();
    expect(exercise(/Exercise 3:/).getByRole('status').textContent).toContain(
      'No result recorded in this browser yet.',
    );
    expect(exercise(/Exercise 6:/).getByText('npm run exercise -- 6')).toBeTruthy();
  });

  it('shows what a pasted result code reports, and stores the code in localStorage', () => {
    render(<LessonExercises lessonId="rbac-401-versus-403" />);
    paste(exercise(/Exercise 6:/), formatResultCode(graded));
    expect(exercise(/Exercise 6:/).getByRole('status').textContent).toContain(
      'Your grader reported 17 of 19 behaviours passed on 2026-11-29 at 17:40 UTC.',
    );
    expect(exercise(/Exercise 3:/).getByRole('status').textContent).toContain('No result recorded');
    expect(JSON.parse(localStorage.getItem('authlab.exercise-results') ?? '{}')).toEqual({
      6: formatResultCode(graded),
    });
  });

  it('refuses a code edited by hand, or one for another exercise, and keeps the true status', () => {
    render(<LessonExercises lessonId="rbac-401-versus-403" />);
    const six = exercise(/Exercise 6:/);
    paste(six, formatResultCode(graded).replace('17of19', '19of19'));
    expect(six.getByText(/That is not a whole result code for exercise 6/)).toBeTruthy();
    expect(six.getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    paste(six, formatResultCode({ ...graded, exercise: 3 }));
    expect(six.getByRole('status').textContent).toContain(
      'No result recorded in this browser yet.',
    );
  });

  it('shows nothing for a lesson without an exercise', () => {
    const { container } = render(<LessonExercises lessonId="basic-sign-in-and-passwords" />);
    expect(container.innerHTML).toBe('');
  });
});
