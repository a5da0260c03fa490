import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { lessons } from 'virtual:lessons';
import type { LessonDocument } from '../lib/lesson-document';
import { progressStore, type ProgressFile } from '../lib/progress';
import { LessonList } from './LessonList';
import { FIXTURE_LESSON } from '../../../test/fixture-lesson';

const SECOND: LessonDocument = {
  ...FIXTURE_LESSON,
  id: 'second-lesson',
  title: 'The second lesson',
  order: 2,
  file: '02-second-lesson.md',
};
const DONE = '2026-11-27T18:00:00.000Z';

function card(title: RegExp): HTMLElement {
  return screen.getByRole('link', { name: title }).closest('li')!;
}

function importFile(text: string, name = 'progress.json') {
  fireEvent.change(screen.getByLabelText('Import progress…'), {
    target: { files: [new File([text], name, { type: 'application/json' })] },
  });
}

describe('LessonList', () => {
  it('lists every lesson of docs/lessons, in order, each linking to its runner', () => {
    render(<LessonList lessons={lessons} />);

    const links = within(screen.getByRole('list', { name: 'Lessons, in order' })).getAllByRole(
      'link',
    );
    expect(links.map((link) => link.textContent)).toEqual(
      lessons.map((lesson) => `${lesson.order}. ${lesson.title}`),
    );
    expect(links[0]?.getAttribute('href')).toBe(`#/lessons/${lessons[0]!.id}`);
    expect(lessons.map((lesson) => lesson.order)).toEqual(
      [...lessons.map((lesson) => lesson.order)].sort((a, b) => a - b),
    );
  });

  it('shows how far the learner got in each lesson', () => {
    progressStore.set({
      'fixture-lesson': { steps: { 'hold-writer': { doneAt: DONE }, verify: { hintsShown: 1 } } },
      'second-lesson': {
        steps: {
          'hold-writer': { doneAt: DONE },
          'be-refused': { doneAt: DONE },
          verify: { doneAt: DONE },
        },
      },
    });
    render(<LessonList lessons={[FIXTURE_LESSON, SECOND]} />);

    expect(card(/A lesson for the tests/).textContent).toContain('1 of 3 steps done');
    expect(card(/The second lesson/).textContent).toContain('✓ Complete');
  });

  it('exports the progress as a JSON file', async () => {
    progressStore.set({ 'fixture-lesson': { steps: { 'hold-writer': { doneAt: DONE } } } });
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:progress';
    });
    URL.revokeObjectURL = vi.fn();
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toMatch(/^authlab-progress-\d{4}-\d\d-\d\d\.json$/);
    });
    render(<LessonList lessons={[FIXTURE_LESSON]} />);

    fireEvent.click(screen.getByRole('button', { name: 'Export progress' }));

    expect(clicks).toHaveBeenCalledOnce();
    const file = JSON.parse(await blobs[0]!.text()) as ProgressFile;
    expect(file).toMatchObject({
      format: 'authlab-lesson-progress',
      version: 1,
      lessons: { 'fixture-lesson': { steps: { 'hold-writer': { doneAt: DONE } } } },
    });
    expect(screen.getByRole('status').textContent).toBe('Progress exported.');
  });

  it('imports a progress file: known lessons and steps replace the ones here, others are left out', async () => {
    progressStore.set({ 'second-lesson': { steps: { verify: { doneAt: DONE } } } });
    render(<LessonList lessons={[FIXTURE_LESSON, SECOND]} />);
    const file: ProgressFile = {
      format: 'authlab-lesson-progress',
      version: 1,
      exportedAt: DONE,
      lessons: {
        'fixture-lesson': {
          steps: {
            'hold-writer': { doneAt: DONE },
            'be-refused': { doneAt: DONE, hintsShown: 1 },
            'no-such-step': { doneAt: DONE },
          },
        },
        'no-such-lesson': { steps: { x: { doneAt: DONE } } },
      },
    };

    importFile(JSON.stringify(file));

    await vi.waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('Imported 2 done steps in 1 lesson.'),
    );
    expect(card(/A lesson for the tests/).textContent).toContain('2 of 3 steps done');
    expect(progressStore.get()['second-lesson']?.steps.verify?.doneAt).toBe(DONE);
    expect(progressStore.get()['no-such-lesson']).toBeUndefined();
    expect(Object.keys(progressStore.get()['fixture-lesson']!.steps)).toEqual([
      'hold-writer',
      'be-refused',
    ]);
  });

  it('refuses a file that is not a progress file, and changes nothing', async () => {
    progressStore.set({ 'fixture-lesson': { steps: { 'hold-writer': { doneAt: DONE } } } });
    render(<LessonList lessons={[FIXTURE_LESSON]} />);

    importFile('{"format":"something-else"}', 'notes.json');
    await vi.waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Could not import notes.json: That file is not an authlab progress file.',
      ),
    );
    importFile('not json at all', 'broken.json');
    await vi.waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe(
        'Could not import broken.json: That file is not JSON.',
      ),
    );
    expect(progressStore.get()['fixture-lesson']?.steps['hold-writer']?.doneAt).toBe(DONE);
  });

  it('resets all progress after asking once more', () => {
    progressStore.set({ 'fixture-lesson': { steps: { 'hold-writer': { doneAt: DONE } } } });
    render(<LessonList lessons={[FIXTURE_LESSON]} />);

    fireEvent.click(screen.getByRole('button', { name: 'Reset all progress' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(progressStore.get()['fixture-lesson']).toBeDefined();

    fireEvent.click(screen.getByRole('button', { name: 'Reset all progress' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, reset everything' }));
    expect(progressStore.get()).toEqual({});
    expect(card(/A lesson for the tests/).textContent).toContain('3 steps');
  });
});
