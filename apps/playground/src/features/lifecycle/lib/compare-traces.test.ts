import { describe, expect, it } from 'vitest';
import type { Trace, TraceEvent } from '@authlab/shared';
import { alignSteps, compareTraces } from './compare-traces';

function event(step: string, overrides: Partial<TraceEvent> = {}): TraceEvent {
  return {
    step,
    kind: 'guard',
    startMs: 0,
    durationMs: 0.1,
    outcome: 'pass',
    reason: 'ok',
    ...overrides,
  };
}

function trace(id: string, events: TraceEvent[], overrides: Partial<Trace> = {}): Trace {
  return {
    id,
    method: 'GET',
    path: '/api/lab/alg-none/weak',
    startedAt: '2026-11-29T21:00:00.000Z',
    durationMs: 2,
    status: 200,
    owner: { session: 's' },
    events,
    ...overrides,
  };
}

describe('alignSteps', () => {
  it('matches steps by name and gives a step only one side reached a row of its own, in order', () => {
    const a = [event('helmet'), event('LabVerifier'), event('handler')];
    const b = [event('helmet'), event('LabVerifier')];
    expect(alignSteps(a, b).map(([left, right]) => [left?.step, right?.step])).toEqual([
      ['helmet', 'helmet'],
      ['LabVerifier', 'LabVerifier'],
      ['handler', undefined],
    ]);
    const c = [event('x'), event('only-c'), event('y')];
    const d = [event('x'), event('only-d'), event('y')];
    expect(alignSteps(c, d).map(([left, right]) => [left?.step, right?.step])).toEqual([
      ['x', 'x'],
      ['only-c', undefined],
      [undefined, 'only-d'],
      ['y', 'y'],
    ]);
  });
});

describe('compareTraces', () => {
  const weak = trace('weak', [
    event('helmet'),
    event('WeakVerifier', {
      checks: [
        { name: 'signature', ok: true, text: 'not verified (alg none)' },
        { name: 'exp', ok: true, text: 'in 14 min' },
      ],
      detail: { alg: 'none', role: 'admin', fingerprint: 'ab12' },
    }),
  ]);
  const secure = trace(
    'secure',
    [
      event('helmet'),
      event('WeakVerifier', {
        outcome: 'deny',
        reason: 'alg none is not allowed',
        checks: [
          { name: 'signature', ok: false, text: 'alg none refused' },
          { name: 'exp', ok: null, text: 'never checked' },
        ],
        detail: { alg: 'none', role: 'admin', fingerprint: 'ab12' },
      }),
    ],
    {
      status: 401,
      decidedBy: { step: 'WeakVerifier', kind: 'guard', reason: 'alg none is not allowed' },
    },
  );

  it('marks the status, the deciding step, the outcome, and each check that differs — not checked included', () => {
    const comparison = compareTraces(weak, secure);
    expect(comparison.statusDiffers).toBe(true);
    expect(comparison.decidedByDiffers).toBe(true);
    const [helmet, verifier] = comparison.rows;
    expect(helmet!.differs).toBe(false);
    expect(verifier!.outcomeDiffers).toBe(true);
    expect(verifier!.checks.map((check) => [check.name, check.differs])).toEqual([
      ['signature', true],
      ['exp', true],
    ]);
    // The same token: the facts the verifiers recorded agree.
    expect(verifier!.details.every((detail) => !detail.differs)).toBe(true);
    // Status, deciding step, the verifier's outcome, its signature and exp checks.
    expect(comparison.differences).toBe(5);
  });

  it('marks a fact recorded with another value, or on one side only', () => {
    const other = trace('other', [
      event('helmet'),
      event('WeakVerifier', {
        checks: weak.events[1]!.checks!,
        detail: { alg: 'HS256', role: 'admin' },
      }),
    ]);
    const details = compareTraces(weak, other).rows[1]!.details;
    expect(details.map((detail) => [detail.key, detail.differs])).toEqual([
      ['alg', true],
      ['role', false],
      ['fingerprint', true],
    ]);
  });

  it('finds no difference between a trace and its twin', () => {
    expect(compareTraces(weak, { ...weak, id: 'twin' }).differences).toBe(0);
  });
});
