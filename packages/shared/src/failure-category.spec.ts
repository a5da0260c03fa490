import { describe, expect, it } from 'vitest';
import { failureCategory } from './failure-category.js';
import type { Trace, TraceCheck } from './trace.js';

function refusedBy(step: string, status: number, checks?: TraceCheck[]): Trace {
  return {
    id: '00000000-0000-4000-8000-000000000000',
    method: 'GET',
    path: '/api/articles',
    startedAt: '2026-11-27T18:00:00.000Z',
    durationMs: 1,
    status,
    owner: { subject: '7' },
    events: [
      {
        step,
        kind: 'guard',
        startMs: 0,
        durationMs: 1,
        outcome: 'deny',
        reason: 'Valid token for alice… refused',
        ...(checks ? { checks } : {}),
      },
    ],
    decidedBy: { step, kind: 'guard', reason: 'Valid token for alice… refused' },
  };
}

const check = (name: string, ok: boolean | null): TraceCheck => ({
  name,
  ok,
  text: `${name} for alice`,
});

describe('failureCategory', () => {
  it('gives no category to a success', () => {
    expect(
      failureCategory({ ...refusedBy('JwtAuthGuard', 200), decidedBy: undefined }),
    ).toBeUndefined();
  });

  it.each([
    [refusedBy('JwtAuthGuard', 401), 'no token sent'],
    [refusedBy('JwtAuthGuard', 400), 'malformed Authorization header'],
    [
      refusedBy('JwtAuthGuard', 401, [
        check('signature', true),
        check('exp', false),
        check('aud', true),
      ]),
      'expired token',
    ],
    [
      refusedBy('JwtAuthGuard', 401, [
        check('signature', true),
        check('exp', true),
        check('aud', false),
        check('iss', null),
      ]),
      'audience mismatch',
    ],
    // A tampered aud fails the signature first: aud was never checked, so it is no mismatch.
    [
      refusedBy('JwtAuthGuard', 401, [check('signature', false), check('aud', null)]),
      'bad signature (tampered or wrong key)',
    ],
    [
      refusedBy('JwtAuthGuard', 401, [check('signature', false), check('exp', true)]),
      'bad signature (tampered or wrong key)',
    ],
    [
      refusedBy('JwtAuthGuard', 401, [check('alg', false), check('signature', false)]),
      'wrong algorithm (alg none or confusion)',
    ],
    [
      refusedBy('JwtAuthGuard', 401, [check('key fields', false)]),
      'token tried to choose its key (jku/jwk/x5u)',
    ],
    [
      refusedBy('JwtAuthGuard', 401, [check('exp', true), check('iat', false)]),
      'issued in the future (iat)',
    ],
    [
      refusedBy('JwtAuthGuard', 401, [check('iat', true), check('lifetime', false)]),
      'lives longer than allowed (exp − iat)',
    ],
    [refusedBy('RolesGuard', 403), 'missing role or permission'],
    [refusedBy('ZodValidationPipe(request body)', 400), 'invalid input'],
    [refusedBy('jsonBodyParser', 400), 'broken JSON body'],
  ])('labels %# as "%s"', (trace, label) => {
    expect(failureCategory(trace)).toBe(label);
  });

  it('never carries names or values from the trace', () => {
    const label = failureCategory(refusedBy('JwtAuthGuard', 401, [check('aud', false)]));
    expect(label).not.toContain('alice');
  });
});
