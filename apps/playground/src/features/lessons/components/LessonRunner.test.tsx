import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { Trace } from '@authlab/shared';
import { verifiedSignatureStore } from '../../../lib/signature-verification';
import { createFakeApi, fakeAccessToken } from '../../../test/fake-api';
import { FIXTURE_LESSON } from '../../../test/fixture-lesson';
import { renderWithApi } from '../../../test/render';
import { progressStore } from '../lib/progress';
import { LessonRunner } from './LessonRunner';

const REFUSED: Omit<Trace, 'id' | 'startedAt' | 'durationMs' | 'owner'> = {
  method: 'DELETE',
  path: '/api/articles/1',
  status: 403,
  events: [
    {
      step: 'RolesGuard',
      kind: 'guard',
      startMs: 0,
      durationMs: 0.1,
      outcome: 'deny',
      reason: 'Your role (writer) lacks "delete".',
    },
  ],
  decidedBy: { step: 'RolesGuard', kind: 'guard', reason: 'Your role (writer) lacks "delete".' },
};

const WRITER_TOKEN = fakeAccessToken({ sub: '3', role: 'writer' });

function renderRunner(currentToken?: string, api = createFakeApi()) {
  return renderWithApi(
    <LessonRunner
      lesson={FIXTURE_LESSON}
      currentToken={currentToken}
      cookieMode={false}
      tools={<p>The tools</p>}
    />,
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

describe('LessonRunner', () => {
  it('shows the lesson text beside the tools, drawn from the tree with unsafe links left as words', async () => {
    renderRunner();
    await watching();

    expect(screen.getByRole('heading', { level: 2, name: 'A lesson for the tests' })).toBeDefined();
    expect(screen.getByRole('heading', { level: 3, name: 'Why it matters' })).toBeDefined();
    expect(screen.queryByRole('link', { name: 'that' })).toBeNull();
    expect(screen.getByText('that').tagName).toBe('SPAN');
    expect(
      within(screen.getByRole('region', { name: 'Tools' })).getByText('The tools'),
    ).toBeDefined();
    expect(screen.getByText('0 of 3 steps done')).toBeDefined();
  });

  it('ticks a token step from the current token and a request step when the live stream brings the request', async () => {
    const { api } = renderRunner(WRITER_TOKEN);
    await watching();

    await vi.waitFor(() => expect(step('Hold a writer token').textContent).toContain('✓ Done'));
    expect(step('Be refused by RolesGuard').textContent).not.toContain('✓ Done');

    act(() => void api.pushTrace(REFUSED));

    await vi.waitFor(() =>
      expect(step('Be refused by RolesGuard').textContent).toContain('✓ Done'),
    );
    expect(screen.getByText('2 of 3 steps done')).toBeDefined();
    expect(screen.getByText('Step done: Be refused by RolesGuard.')).toBeDefined();
  });

  it('counts only requests made after the lesson was opened, and only this browser’s', async () => {
    const api = createFakeApi();
    api.pushTrace(REFUSED);
    renderRunner(undefined, api);
    await watching();

    act(() => void api.pushTrace(REFUSED, { session: 'a-classmate-session-0001', subject: '3' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(step('Be refused by RolesGuard').textContent).not.toContain('✓ Done');

    act(() => void api.pushTrace(REFUSED));
    await vi.waitFor(() =>
      expect(step('Be refused by RolesGuard').textContent).toContain('✓ Done'),
    );
  });

  it('ticks a signature step only for a verification of the current token', async () => {
    renderRunner(WRITER_TOKEN);
    await watching();

    act(() =>
      verifiedSignatureStore.set({ token: fakeAccessToken({ role: 'user' }), keyKind: 'secret' }),
    );
    expect(step('Verify with a secret').textContent).not.toContain('✓ Done');
    act(() => verifiedSignatureStore.set({ token: WRITER_TOKEN, keyKind: 'secret' }));
    await vi.waitFor(() => expect(step('Verify with a secret').textContent).toContain('✓ Done'));
  });

  it('reveals hints one at a time, and keeps them', async () => {
    renderRunner();
    await watching();
    const first = step('Hold a writer token');

    fireEvent.click(within(first).getByRole('button', { name: 'Show a hint' }));
    const hints = within(first).getByRole('list', { name: /Hints for/ });
    expect(
      within(hints)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['The sign-in buttons use the demo accounts.']);

    fireEvent.click(within(first).getByRole('button', { name: 'Show hint 2 of 2' }));
    expect(within(hints).getAllByRole('listitem')).toHaveLength(2);
    expect(within(first).queryByRole('button', { name: /hint/ })).toBeNull();
    expect(within(first).getByText('All 2 hints are shown.')).toBeDefined();
    expect(progressStore.get()['fixture-lesson']?.steps['hold-writer']).toEqual({ hintsShown: 2 });
  });

  it('shows the solution without completing the step', async () => {
    renderRunner();
    await watching();
    const second = step('Be refused by RolesGuard');

    fireEvent.click(within(second).getByRole('button', { name: 'Show the solution' }));

    expect(within(second).getByRole('note', { name: /Solution of/ }).textContent).toContain(
      'DELETE /api/articles/1 as writer.',
    );
    expect(within(second).getByText(/Reading it does not tick the step/)).toBeDefined();
    expect(second.textContent).not.toContain('✓ Done');
    expect(screen.getByText('0 of 3 steps done')).toBeDefined();
    expect(progressStore.get()['fixture-lesson']?.steps['be-refused']).toEqual({
      solutionShown: true,
    });
  });

  it('keeps progress across reloads in localStorage', async () => {
    const { view } = renderRunner(WRITER_TOKEN);
    await vi.waitFor(() => expect(step('Hold a writer token').textContent).toContain('✓ Done'));
    view.unmount();

    const stored = JSON.parse(localStorage.getItem('authlab.lesson-progress') ?? '{}');
    expect(stored['fixture-lesson'].steps['hold-writer'].doneAt).toMatch(/^\d{4}-\d\d-\d\dT/);

    // A new page: the module reads localStorage again when it loads.
    vi.resetModules();
    const reloaded = await import('../lib/progress');
    expect(reloaded.progressStore.get()['fixture-lesson']?.steps['hold-writer']?.doneAt).toBe(
      stored['fixture-lesson'].steps['hold-writer'].doneAt,
    );
  });

  it('resets the lesson: steps untick, and requests made before the reset no longer count', async () => {
    const { api } = renderRunner();
    await watching();
    act(() => void api.pushTrace(REFUSED));
    await vi.waitFor(() => expect(screen.getByText('1 of 3 steps done')).toBeDefined());

    fireEvent.click(screen.getByRole('button', { name: 'Reset this lesson' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, reset this lesson' }));

    await vi.waitFor(() => expect(screen.getByText('0 of 3 steps done')).toBeDefined());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(step('Be refused by RolesGuard').textContent).not.toContain('✓ Done');
    expect(progressStore.get()['fixture-lesson']).toBeUndefined();
  });

  it('says the lesson is complete and points to the next one', async () => {
    progressStore.set({
      'fixture-lesson': {
        steps: {
          'hold-writer': { doneAt: '2026-01-01T00:00:00.000Z' },
          'be-refused': { doneAt: '2026-01-01T00:00:00.000Z' },
        },
      },
    });
    const next = { ...FIXTURE_LESSON, id: 'next-lesson', title: 'The next lesson', order: 2 };
    renderWithApi(
      <LessonRunner
        lesson={FIXTURE_LESSON}
        nextLesson={next}
        currentToken={WRITER_TOKEN}
        cookieMode={false}
        tools={null}
      />,
    );
    act(() => verifiedSignatureStore.set({ token: WRITER_TOKEN, keyKind: 'secret' }));

    expect(await screen.findByText('Lesson complete')).toBeDefined();
    expect(screen.getByRole('link', { name: 'Next: The next lesson' }).getAttribute('href')).toBe(
      '#/lessons/next-lesson',
    );
  });
});
