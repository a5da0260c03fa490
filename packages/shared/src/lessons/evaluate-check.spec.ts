import { describe, expect, it } from 'vitest';
import type { Trace } from '../trace.js';
import {
  evaluateCheck,
  pathMatches,
  tracesSinceBaseline,
  type LessonState,
} from './evaluate-check.js';
import { lessonCheckSchema, type LessonCheck } from './lesson.schema.js';

function trace(overrides: Partial<Trace> = {}): Trace {
  return {
    id: 'b1a2c3d4-0000-4000-8000-000000000000',
    method: 'GET',
    path: '/api/articles',
    route: '/api/articles',
    startedAt: '2026-11-27T18:00:00.000Z',
    durationMs: 3,
    status: 200,
    owner: { subject: '3' },
    events: [
      {
        step: 'JwtAuthGuard',
        kind: 'guard',
        startMs: 1,
        durationMs: 1,
        outcome: 'pass',
        reason: 'ok',
        checks: [{ name: 'exp', ok: true, text: 'expires in 14 min 2 s' }],
        detail: { source: 'Authorization header' },
      },
      {
        step: 'RolesGuard',
        kind: 'guard',
        startMs: 2,
        durationMs: 0.1,
        outcome: 'pass',
        reason: 'ok',
      },
    ],
    ...overrides,
  };
}

const expiredTrace = trace({
  status: 401,
  decidedBy: {
    step: 'JwtAuthGuard',
    kind: 'guard',
    reason: 'The token expired 37 s ago. 401 invalid_token.',
  },
  events: [
    {
      step: 'JwtAuthGuard',
      kind: 'guard',
      startMs: 1,
      durationMs: 1,
      outcome: 'deny',
      reason: 'expired',
      checks: [{ name: 'exp', ok: false, text: 'expired 37 s ago' }],
    },
  ],
});
const forbiddenTrace = trace({
  method: 'DELETE',
  path: '/api/articles/7',
  route: '/api/articles/:id',
  status: 403,
  decidedBy: { step: 'RolesGuard', kind: 'guard', reason: 'no' },
});

const state = (overrides: Partial<LessonState> = {}): LessonState => ({
  cookieMode: false,
  traces: [],
  ...overrides,
});
const writerToken = {
  header: { alg: 'HS256', typ: 'at+jwt' },
  claims: { role: 'writer', sub: '3' },
};

describe('evaluateCheck', () => {
  it('token-claim: holds a token whose role is writer', () => {
    const check: LessonCheck = { type: 'token-claim', claim: 'role', equals: 'writer' };
    expect(evaluateCheck(check, state({ token: writerToken }))).toBe(true);
    expect(
      evaluateCheck(check, state({ token: { ...writerToken, claims: { role: 'user' } } })),
    ).toBe(false);
    expect(evaluateCheck(check, state())).toBe(false);
  });

  it('token-claim and token-header: presence and absence', () => {
    expect(
      evaluateCheck(
        { type: 'token-claim', claim: 'exp', present: false },
        state({ token: writerToken }),
      ),
    ).toBe(true);
    expect(
      evaluateCheck(
        { type: 'token-claim', claim: 'sub', present: true },
        state({ token: writerToken }),
      ),
    ).toBe(true);
    expect(
      evaluateCheck(
        { type: 'token-header', field: 'alg', equals: 'none' },
        state({ token: writerToken }),
      ),
    ).toBe(false);
    expect(
      evaluateCheck({ type: 'token-header', field: 'typ' }, state({ token: writerToken })),
    ).toBe(true);
  });

  it('token-claim does not find inherited properties', () => {
    expect(
      evaluateCheck({ type: 'token-claim', claim: 'constructor' }, state({ token: writerToken })),
    ).toBe(false);
  });

  it('request: a request that RolesGuard refused', () => {
    const check: LessonCheck = { type: 'request', match: { decidedBy: 'RolesGuard', status: 403 } };
    expect(evaluateCheck(check, state({ traces: [trace(), forbiddenTrace] }))).toBe(true);
    expect(evaluateCheck(check, state({ traces: [trace(), expiredTrace] }))).toBe(false);
  });

  it('request: a 401 whose reason is an expired token, read from the failed check, not the wording', () => {
    const check: LessonCheck = {
      type: 'request',
      match: { status: 401, event: { step: 'JwtAuthGuard', check: { name: 'exp', ok: false } } },
    };
    expect(evaluateCheck(check, state({ traces: [expiredTrace] }))).toBe(true);
    expect(evaluateCheck(check, state({ traces: [trace({ ...expiredTrace, events: [] })] }))).toBe(
      false,
    );
  });

  it('request: route patterns, methods, status lists, decidedBy "none", cookies, details and counts', () => {
    expect(
      evaluateCheck(
        { type: 'request', match: { method: 'DELETE', path: '/api/articles/:id' } },
        state({ traces: [forbiddenTrace] }),
      ),
    ).toBe(true);
    expect(
      evaluateCheck(
        { type: 'request', match: { method: 'GET', path: '/api/articles/:id' } },
        state({ traces: [forbiddenTrace] }),
      ),
    ).toBe(false);
    expect(
      evaluateCheck(
        { type: 'request', match: { status: [200, 201] } },
        state({ traces: [trace()] }),
      ),
    ).toBe(true);
    expect(
      evaluateCheck(
        { type: 'request', match: { decidedBy: 'none' } },
        state({ traces: [trace()] }),
      ),
    ).toBe(true);
    expect(
      evaluateCheck(
        { type: 'request', match: { decidedBy: 'none' } },
        state({ traces: [forbiddenTrace] }),
      ),
    ).toBe(false);
    const withCookie = trace({
      setCookies: [{ name: 'authlab_access', attributes: { HttpOnly: true } }],
    });
    expect(
      evaluateCheck(
        { type: 'request', match: { setsCookie: 'authlab_access' } },
        state({ traces: [withCookie] }),
      ),
    ).toBe(true);
    expect(
      evaluateCheck(
        { type: 'request', match: { event: { detail: { source: 'Authorization header' } } } },
        state({ traces: [trace()] }),
      ),
    ).toBe(true);
    expect(
      evaluateCheck(
        { type: 'request', match: { event: { detail: { source: 'cookie' } } } },
        state({ traces: [trace()] }),
      ),
    ).toBe(false);
    const adminOnly = trace({
      status: 403,
      events: [
        {
          step: 'RolesGuard',
          kind: 'guard',
          startMs: 2,
          durationMs: 0.1,
          outcome: 'deny',
          reason: 'no',
          detail: { role: 'editor', requiredRoles: ['admin'] },
        },
      ],
    });
    expect(
      evaluateCheck(
        {
          type: 'request',
          match: { event: { step: 'RolesGuard', detail: { requiredRoles: 'admin' } } },
        },
        state({ traces: [adminOnly] }),
      ),
    ).toBe(true);
    expect(
      evaluateCheck(
        {
          type: 'request',
          match: { event: { step: 'RolesGuard', detail: { requiredRoles: 'editor' } } },
        },
        state({ traces: [adminOnly] }),
      ),
    ).toBe(false);
    expect(
      evaluateCheck(
        { type: 'request', match: { status: 200 }, times: 2 },
        state({ traces: [trace()] }),
      ),
    ).toBe(false);
    expect(
      evaluateCheck(
        { type: 'request', match: { status: 200 }, times: 2 },
        state({ traces: [trace(), trace()] }),
      ),
    ).toBe(true);
  });

  it('signature-verified, cookie-mode and all', () => {
    expect(evaluateCheck({ type: 'signature-verified' }, state())).toBe(false);
    expect(
      evaluateCheck(
        { type: 'signature-verified', keyKind: 'jwks' },
        state({ verifiedWith: 'secret' }),
      ),
    ).toBe(false);
    expect(
      evaluateCheck(
        { type: 'signature-verified', keyKind: 'secret' },
        state({ verifiedWith: 'secret' }),
      ),
    ).toBe(true);
    expect(evaluateCheck({ type: 'cookie-mode', on: true }, state({ cookieMode: true }))).toBe(
      true,
    );
    const both: LessonCheck = {
      type: 'all',
      checks: [
        { type: 'cookie-mode', on: true },
        { type: 'token-claim', claim: 'role', equals: 'writer' },
      ],
    };
    expect(evaluateCheck(both, state({ cookieMode: true }))).toBe(false);
    expect(evaluateCheck(both, state({ cookieMode: true, token: writerToken }))).toBe(true);
  });
});

describe('evaluateCheck: what a concept is, not a status code', () => {
  const verdict = (
    variant: 'weak' | 'secure',
    fingerprint: string,
    facts: Record<string, string | boolean>,
    startedAt = '2026-11-27T18:00:00.000Z',
  ): Trace =>
    trace({
      method: 'GET',
      path: `/api/lab/alg-none/${variant}`,
      route: '/api/lab/:exercise/:variant',
      startedAt,
      status: variant === 'weak' ? 200 : 401,
      events: [
        {
          step: 'LabController.verify',
          kind: 'handler',
          startMs: 1,
          durationMs: 1,
          outcome: variant === 'weak' ? 'pass' : 'deny',
          reason: 'verdict',
          detail: {
            labVerifier: variant,
            labVerdict: variant === 'weak' ? 'accepted' : 'refused',
            tokenFingerprint: fingerprint,
            ...facts,
          },
        },
      ],
    });
  const forged = { 'header.alg': 'none', 'claim.role': 'admin', tokenIssued: false };
  const attack: LessonCheck = {
    type: 'linked-requests',
    by: 'tokenFingerprint',
    requests: [
      {
        path: '/api/lab/alg-none/weak',
        status: 200,
        event: { token: { header: { alg: 'none' }, claims: { role: 'admin' }, issued: false } },
      },
      { path: '/api/lab/alg-none/secure', status: 401 },
    ],
  };

  it('linked-requests: the same forged token, accepted by one verifier and refused by the other', () => {
    expect(
      evaluateCheck(
        attack,
        state({ traces: [verdict('weak', 'aaaa', forged), verdict('secure', 'aaaa', forged)] }),
      ),
    ).toBe(true);
  });

  it('linked-requests: two different tokens, or the forged property missing, do not count', () => {
    expect(
      evaluateCheck(
        attack,
        state({ traces: [verdict('weak', 'aaaa', forged), verdict('secure', 'bbbb', forged)] }),
      ),
    ).toBe(false);
    const legitimate = { 'header.alg': 'HS256', 'claim.role': 'user', tokenIssued: true };
    expect(
      evaluateCheck(
        attack,
        state({
          traces: [verdict('weak', 'cccc', legitimate), verdict('secure', 'cccc', legitimate)],
        }),
      ),
    ).toBe(false);
    // One trace cannot stand for two requests.
    const both: LessonCheck = {
      type: 'linked-requests',
      by: 'tokenFingerprint',
      requests: [{ status: 200 }, { status: 200 }],
    };
    expect(evaluateCheck(both, state({ traces: [verdict('weak', 'aaaa', forged)] }))).toBe(false);
  });

  it('linked-requests: ordered wants the listed order', () => {
    const ordered: LessonCheck = {
      type: 'linked-requests',
      by: 'tokenFingerprint',
      ordered: true,
      requests: [{ status: 401 }, { status: 200 }],
    };
    const early = verdict('weak', 'aaaa', forged, '2026-11-27T18:00:00.000Z');
    const late = verdict('secure', 'aaaa', forged, '2026-11-27T18:00:05.000Z');
    expect(evaluateCheck(ordered, state({ traces: [early, late] }))).toBe(false);
    expect(evaluateCheck({ ...ordered, ordered: false }, state({ traces: [early, late] }))).toBe(
      true,
    );
  });

  it('detail { not: x }: a recorded fact other than x; a missing fact never matches', () => {
    const check: LessonCheck = {
      type: 'request',
      match: { event: { token: { header: { kid: { not: 'lab-hs256-1' } } } } },
    };
    expect(
      evaluateCheck(
        check,
        state({ traces: [verdict('weak', 'a', { 'header.kid': '../../dev/null' })] }),
      ),
    ).toBe(true);
    expect(
      evaluateCheck(
        check,
        state({ traces: [verdict('weak', 'a', { 'header.kid': 'lab-hs256-1' })] }),
      ),
    ).toBe(false);
    expect(evaluateCheck(check, state({ traces: [verdict('weak', 'a', {})] }))).toBe(false);
  });

  it('detail { present }: whether any value was recorded, whatever it is', () => {
    const check = (present: boolean): LessonCheck => ({
      type: 'request',
      match: { event: { token: { header: { jku: { present } } } } },
    });
    const withJku = state({
      traces: [verdict('weak', 'a', { 'header.jku': 'http://127.0.0.1/jwks.json' })],
    });
    const withoutJku = state({ traces: [verdict('weak', 'a', { 'header.kid': 'k' })] });
    expect(evaluateCheck(check(true), withJku)).toBe(true);
    expect(evaluateCheck(check(true), withoutJku)).toBe(false);
    expect(evaluateCheck(check(false), withoutJku)).toBe(true);
    expect(evaluateCheck(check(false), withJku)).toBe(false);
  });

  it('a check that never ran (ok: null) is neither passed nor failed', () => {
    const notChecked = trace({
      status: 401,
      events: [
        {
          step: 'JwtAuthGuard',
          kind: 'guard',
          startMs: 1,
          durationMs: 1,
          outcome: 'deny',
          reason: 'bad signature',
          checks: [
            { name: 'signature', ok: false, text: 'does not match' },
            { name: 'exp', ok: null, text: 'not checked' },
          ],
        },
      ],
    });
    expect(
      evaluateCheck(
        { type: 'request', match: { event: { check: { name: 'exp', ok: null } } } },
        state({ traces: [notChecked] }),
      ),
    ).toBe(true);
    for (const ok of [true, false])
      expect(
        evaluateCheck(
          { type: 'request', match: { event: { check: { name: 'exp', ok } } } },
          state({ traces: [notChecked] }),
        ),
      ).toBe(false);
  });

  it('tracesSinceBaseline: nothing counts until the lesson is opened, then only what came after', () => {
    const before = trace({ id: 'before' });
    const after = trace({ id: 'after' });
    expect(tracesSinceBaseline([before, after], undefined)).toEqual([]);
    expect(tracesSinceBaseline([before, after], new Set(['before']))).toEqual([after]);
  });
});

describe('pathMatches', () => {
  it('matches :params to one non-empty segment', () => {
    expect(pathMatches('/api/articles/:id', '/api/articles/12')).toBe(true);
    expect(pathMatches('/api/articles/:id', '/api/articles/')).toBe(false);
    expect(pathMatches('/api/articles/:id', '/api/articles/12/x')).toBe(false);
  });
});

describe('lessonCheckSchema', () => {
  it('refuses checks that match on wording or have unknown fields', () => {
    expect(
      lessonCheckSchema.safeParse({ type: 'request', match: { reasonIncludes: 'expired' } })
        .success,
    ).toBe(false);
    expect(lessonCheckSchema.safeParse({ type: 'text', equals: 'done' }).success).toBe(false);
    expect(
      lessonCheckSchema.safeParse({ type: 'all', checks: [{ type: 'cookie-mode', on: true }] })
        .success,
    ).toBe(false);
  });
});
