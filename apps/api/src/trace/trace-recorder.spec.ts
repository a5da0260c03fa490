import { describe, expect, it } from 'vitest';
import { TraceRecorder } from './trace-recorder.js';

describe('TraceRecorder', () => {
  it('writes lazy sentences, checks and details only when the trace is read', () => {
    const recorder = new TraceRecorder('trace-1', 'GET', '/api/articles');
    const calls: string[] = [];
    recorder.record('JwtAuthGuard', 'guard', 1, 2, {
      outcome: 'pass',
      reason: () => (calls.push('reason'), 'Valid access token for reader (role reader).'),
      checks: () => (
        calls.push('checks'),
        [{ name: 'exp', ok: true, text: 'expires in 14 min 59 s' }]
      ),
      detail: () => (calls.push('detail'), { alg: 'HS256' }),
    });
    recorder.finish(200, '/api/articles', []);
    expect(calls).toEqual([]);

    const trace = recorder.toTrace();
    expect(calls).toEqual(['reason', 'checks', 'detail']);
    expect(trace.events).toEqual([
      {
        step: 'JwtAuthGuard',
        kind: 'guard',
        startMs: 1,
        durationMs: 1,
        outcome: 'pass',
        reason: 'Valid access token for reader (role reader).',
        checks: [{ name: 'exp', ok: true, text: 'expires in 14 min 59 s' }],
        detail: { alg: 'HS256' },
      },
    ]);
  });

  it('orders events by start, names the first refusal (not the filter) and keeps the response facts', () => {
    const recorder = new TraceRecorder('trace-2', 'DELETE', '/api/articles/1');
    recorder.owner.subject = '3';
    recorder.record('AllExceptionsFilter', 'filter', 5, 6, {
      outcome: 'deny',
      reason: 'Wrote the 403.',
    });
    recorder.record('RolesGuard', 'guard', 3, 4, {
      outcome: 'deny',
      reason: 'Your role (reader) lacks "delete".',
    });
    recorder.record('JwtAuthGuard', 'guard', 1, 2, { outcome: 'pass', reason: 'Valid.' });
    recorder.finish(403, '/api/articles/:id', [{ name: 'a', attributes: { HttpOnly: true } }]);

    const trace = recorder.toTrace();
    expect(trace.events.map((event) => event.step)).toEqual([
      'JwtAuthGuard',
      'RolesGuard',
      'AllExceptionsFilter',
    ]);
    expect(trace.decidedBy).toEqual({
      step: 'RolesGuard',
      kind: 'guard',
      reason: 'Your role (reader) lacks "delete".',
    });
    expect(trace).toMatchObject({
      id: 'trace-2',
      method: 'DELETE',
      status: 403,
      route: '/api/articles/:id',
      owner: { subject: '3' },
    });
    expect(trace.setCookies).toEqual([{ name: 'a', attributes: { HttpOnly: true } }]);
    expect(recorder.refusedSince(3)).toBe(true);
    expect(recorder.refusedSince(5.5)).toBe(false);
  });

  it('adds nothing once the response is sent, and closes a middleware that answered itself', () => {
    const recorder = new TraceRecorder('trace-3', 'GET', '/');
    recorder.beginMiddleware('static');
    recorder.finish(200, undefined, []);
    recorder.record('late', 'handler', 9, 10, { outcome: 'pass', reason: 'too late' });

    const trace = recorder.toTrace();
    expect(trace.events.map((event) => [event.step, event.reason])).toEqual([
      ['static', 'Answered the request itself.'],
    ]);
    expect(trace).not.toHaveProperty('route');
    expect(trace).not.toHaveProperty('setCookies');
  });

  it('keeps at most 64 events', () => {
    const recorder = new TraceRecorder('trace-4', 'GET', '/');
    for (let index = 0; index < 70; index += 1)
      recorder.record(`step${index}`, 'middleware', index, index, { outcome: 'pass', reason: '' });
    recorder.finish(200, undefined, []);
    expect(recorder.toTrace().events).toHaveLength(64);
  });
});
