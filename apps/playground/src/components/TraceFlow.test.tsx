import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Trace, TraceEvent } from '@authlab/shared';
import { TraceFlow } from './TraceFlow';

const REFUSED: Trace = {
  id: 't-1',
  method: 'DELETE',
  path: '/api/articles/1',
  route: '/api/articles/:id',
  startedAt: '2025-11-27T18:40:00.000Z',
  durationMs: 2.5,
  status: 403,
  owner: { subject: '3' },
  events: [
    {
      step: 'requestId',
      kind: 'middleware',
      startMs: 0,
      durationMs: 0.01,
      outcome: 'pass',
      reason: 'Gave the request an id.',
    },
    {
      step: 'JwtAuthGuard',
      kind: 'guard',
      startMs: 0.5,
      durationMs: 0.3,
      outcome: 'pass',
      reason: 'Valid access token for editor (role editor).',
      checks: [
        { name: 'signature', ok: true, text: 'verified with the configured HS256 key' },
        { name: 'exp', ok: true, text: 'expires in 14 min 3 s' },
      ],
    },
    {
      step: 'RolesGuard',
      kind: 'guard',
      startMs: 0.9,
      durationMs: 0.1,
      outcome: 'deny',
      reason: 'Your role (editor) lacks the "delete" permission this route requires. (403)',
      detail: { role: 'editor', held: ['read', 'create', 'update'] },
    },
    {
      step: 'AllExceptionsFilter',
      kind: 'filter',
      startMs: 1.1,
      durationMs: 0.2,
      outcome: 'deny',
      reason: 'Answered 403 Forbidden.',
    },
  ],
  decidedBy: {
    step: 'RolesGuard',
    kind: 'guard',
    reason: 'Your role (editor) lacks the "delete" permission this route requires. (403)',
  },
};

describe('TraceFlow', () => {
  it('shows every step in order with its kind, outcome and reason', () => {
    render(<TraceFlow trace={REFUSED} />);

    const steps = within(
      screen.getByRole('region', { name: 'Lifecycle of DELETE /api/articles/1' }),
    )
      .getAllByRole('listitem')
      .filter((item) => item.dataset.step);
    expect(steps.map((step) => step.dataset.step)).toEqual([
      'requestId',
      'JwtAuthGuard',
      'RolesGuard',
      'AllExceptionsFilter',
    ]);
    expect(steps[1]?.textContent).toContain('passed');
    expect(steps[2]?.textContent).toContain('refused');
    expect(
      within(steps[1]!).getByRole('list', { name: 'Checks by JwtAuthGuard' }).textContent,
    ).toContain('verified with the configured HS256 key');
  });

  it('shows a check that never ran as "not checked", neither passed nor failed', () => {
    const badSignature: Trace = {
      ...REFUSED,
      status: 401,
      events: [
        {
          step: 'JwtAuthGuard',
          kind: 'guard',
          startMs: 0.5,
          durationMs: 0.3,
          outcome: 'deny',
          reason: 'The signature does not match.',
          checks: [
            { name: 'signature', ok: false, text: 'does not match' },
            { name: 'exp', ok: null, text: 'the token was refused before this check ran' },
          ],
        },
      ],
      decidedBy: { step: 'JwtAuthGuard', kind: 'guard', reason: 'The signature does not match.' },
    };
    render(<TraceFlow trace={badSignature} />);
    const [signature, exp] = within(
      screen.getByRole('list', { name: 'Checks by JwtAuthGuard' }),
    ).getAllByRole('listitem');
    expect(signature!.textContent).toContain('failed:');
    expect(exp!.textContent).toContain('exp not checked — the token was refused');
    expect(exp!.textContent).not.toMatch(/passed|failed|✓|✗/);
    expect(exp!.className).toBe('check-skipped');
  });

  it('marks the deciding step, says why in words, and names the steps never reached', () => {
    render(<TraceFlow trace={REFUSED} />);

    const decider = document.querySelector('[aria-current="step"]') as HTMLElement;
    expect(decider.dataset.step).toBe('RolesGuard');
    expect(within(decider).getByText('◆ This step decided the answer')).toBeDefined();
    expect(screen.getByText(/Decided by RolesGuard/).parentElement?.textContent).toContain(
      'lacks the "delete" permission',
    );
    expect(screen.getByText(/Never reached: interceptor, pipe, handler/)).toBeDefined();
    expect(screen.getByText('403 Forbidden')).toBeDefined();
  });

  it('says every step let a successful request through, with no decider', () => {
    const passed: Trace = { ...REFUSED, status: 200, events: REFUSED.events.slice(0, 2) };
    delete passed.decidedBy;
    render(<TraceFlow trace={passed} />);

    expect(screen.getByText('Every step let the request through.')).toBeDefined();
    expect(document.querySelector('[aria-current="step"]')).toBeNull();
  });

  it('names no step as skipped when the handler ran', () => {
    const answered: Trace = {
      ...REFUSED,
      status: 200,
      events: [
        ...REFUSED.events.slice(0, 2),
        {
          step: 'ArticlesController.delete',
          kind: 'handler',
          startMs: 1,
          durationMs: 1,
          outcome: 'pass',
          reason: 'Deleted.',
        },
      ],
    };
    delete answered.decidedBy;
    render(<TraceFlow trace={answered} />);

    expect(screen.queryByText(/Never reached/)).toBeNull();
  });

  it('marks the step where the request stopped, not an earlier step recorded as failing that the request went past', () => {
    const [requestId, jwt, roles, filter] = REFUSED.events as [
      TraceEvent,
      TraceEvent,
      TraceEvent,
      TraceEvent,
    ];
    const cors: TraceEvent = {
      step: 'cors',
      kind: 'middleware',
      startMs: 0.1,
      durationMs: 0.01,
      outcome: 'error',
      reason: 'Failed unexpectedly.',
    };
    render(
      <TraceFlow
        trace={{
          ...REFUSED,
          events: [requestId, cors, jwt, roles, filter],
          decidedBy: { step: 'cors', kind: 'middleware', reason: 'Failed unexpectedly.' },
        }}
      />,
    );

    expect((document.querySelector('[aria-current="step"]') as HTMLElement).dataset.step).toBe(
      'RolesGuard',
    );
    expect(screen.getByText(/Decided by RolesGuard/)).toBeDefined();
    expect((document.querySelector('[data-step="cors"]') as HTMLElement).textContent).toContain(
      'failed',
    );
  });
});
