import { describe, expect, it } from 'vitest';
import type { Trace } from '../trace.js';
import { evaluateKnowledge, tracesOfRequest } from './evaluate-knowledge.js';
import {
  knowledgeStepSchema,
  lessonStepSchema,
  type ChoiceKnowledge,
  type PredictKnowledge,
} from './lesson.schema.js';

const WHY = 'Because the specification says so, in so many words.';

const choice: ChoiceKnowledge = {
  type: 'choice',
  question: 'Who can read the payload of a signed JWT?',
  options: [
    { text: 'Only the server', correct: false, explanation: WHY },
    { text: 'Anyone holding the token', correct: true, explanation: WHY },
    { text: 'Nobody', correct: false, explanation: WHY },
  ],
};

const predict: PredictKnowledge = {
  type: 'predict',
  question: 'What will GET /api/articles with no token get, and which step decides?',
  send: 'Request builder → Send as nobody → GET /api/articles.',
  request: { method: 'GET', path: '/api/articles', event: { detail: { source: 'none' } } },
  options: [
    { text: '200', predicts: { status: 200, decidedBy: 'none' }, correct: false, explanation: WHY },
    {
      text: '401 from JwtAuthGuard',
      predicts: { status: 401, decidedBy: 'JwtAuthGuard' },
      correct: true,
      explanation: WHY,
    },
    {
      text: '403 from RolesGuard',
      predicts: { status: 403, decidedBy: 'RolesGuard' },
      correct: false,
      explanation: WHY,
    },
  ],
};

function anonymousTrace(id: string, overrides: Partial<Trace> = {}): Trace {
  return {
    id,
    method: 'GET',
    path: '/api/articles',
    route: '/api/articles',
    startedAt: `2026-11-29T20:00:0${id.length % 10}.000Z`,
    durationMs: 2,
    status: 401,
    owner: { session: 'lesson-session' },
    decidedBy: { step: 'JwtAuthGuard', kind: 'guard', reason: 'No token.' },
    events: [
      {
        step: 'JwtAuthGuard',
        kind: 'guard',
        startMs: 1,
        durationMs: 1,
        outcome: 'deny',
        reason: 'no token',
        detail: { source: 'none' },
      },
    ],
    ...overrides,
  };
}

/** A trace nobody refused: the same request, answered 200. */
function accepted(trace: Trace): Trace {
  const { decidedBy: _refused, ...rest } = trace;
  return { ...rest, status: 200 };
}

describe('a multiple-choice knowledge check', () => {
  it('is unanswered until answered, right only on the correct option', () => {
    expect(evaluateKnowledge(choice, undefined, []).state).toBe('unanswered');
    expect(evaluateKnowledge(choice, { option: 0 }, [])).toEqual({ state: 'wrong', option: 0 });
    expect(evaluateKnowledge(choice, { option: 2 }, []).state).toBe('wrong');
    expect(evaluateKnowledge(choice, { option: 1 }, [])).toEqual({ state: 'right', option: 1 });
    // An option that is no longer in the lesson (the file changed) is no answer.
    expect(evaluateKnowledge(choice, { option: 7 }, []).state).toBe('unanswered');
  });
});

describe('a predict-then-send knowledge check', () => {
  it('waits for the request after the prediction is committed', () => {
    expect(evaluateKnowledge(predict, { option: 1, seenTraceIds: [] }, [])).toEqual({
      state: 'waiting',
      option: 1,
    });
  });

  it('is right when the request sent after committing got the predicted status and step', () => {
    expect(
      evaluateKnowledge(predict, { option: 1, seenTraceIds: [] }, [anonymousTrace('t1')]),
    ).toEqual({
      state: 'right',
      option: 1,
      actual: { status: 401, decidedBy: 'JwtAuthGuard', traceId: 't1' },
    });
  });

  it('is wrong when the real trace differs from the prediction, in status or in the deciding step', () => {
    expect(
      evaluateKnowledge(predict, { option: 0, seenTraceIds: [] }, [anonymousTrace('t1')]).state,
    ).toBe('wrong');
    expect(
      evaluateKnowledge(predict, { option: 2, seenTraceIds: [] }, [anonymousTrace('t1')]).state,
    ).toBe('wrong');
    // Right status, wrong step: a 401 decided by another step is not what was predicted.
    const otherStep = anonymousTrace('t1', {
      decidedBy: { step: 'RevocationGuard', kind: 'guard', reason: 'Revoked.' },
    });
    expect(evaluateKnowledge(predict, { option: 1, seenTraceIds: [] }, [otherStep]).state).toBe(
      'wrong',
    );
  });

  it('never counts a request sent before the prediction was committed', () => {
    const sentFirst = anonymousTrace('t1');
    const seenTraceIds = tracesOfRequest(predict, [sentFirst]);
    expect(seenTraceIds).toEqual(['t1']);
    expect(evaluateKnowledge(predict, { option: 1, seenTraceIds }, [sentFirst]).state).toBe(
      'waiting',
    );
  });

  it('ignores requests that are not the one asked about, and judges by the first one after committing', () => {
    const withToken = accepted(
      anonymousTrace('t1', {
        events: [
          {
            step: 'JwtAuthGuard',
            kind: 'guard',
            startMs: 1,
            durationMs: 1,
            outcome: 'pass',
            reason: 'ok',
            detail: { source: 'Authorization header' },
          },
        ],
      }),
    );
    expect(evaluateKnowledge(predict, { option: 0, seenTraceIds: [] }, [withToken]).state).toBe(
      'waiting',
    );
    const first = anonymousTrace('t1', { startedAt: '2026-11-29T20:00:01.000Z' });
    const later = accepted(anonymousTrace('t2', { startedAt: '2026-11-29T20:00:02.000Z' }));
    expect(evaluateKnowledge(predict, { option: 0, seenTraceIds: [] }, [later, first]).state).toBe(
      'wrong',
    );
  });
});

describe('the knowledge step schema', () => {
  const step = { id: 'payload-is-readable', title: 'Who can read it?', knowledge: choice };

  it('accepts a well-formed multiple-choice and predict-then-send step', () => {
    expect(lessonStepSchema.safeParse(step).success).toBe(true);
    expect(lessonStepSchema.safeParse({ ...step, knowledge: predict }).success).toBe(true);
  });

  it('refuses an option without an explanation', () => {
    const { explanation: _left, ...bare } = choice.options[0]!;
    const result = lessonStepSchema.safeParse({
      ...step,
      knowledge: { ...choice, options: [bare, ...choice.options.slice(1)] },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['knowledge', 'options', 0, 'explanation']);
  });

  it('refuses a question with no correct option, or with two', () => {
    const none = choice.options.map((option) => ({ ...option, correct: false }));
    const two = choice.options.map((option, index) => ({ ...option, correct: index < 2 }));
    for (const options of [none, two]) {
      const result = knowledgeStepSchema.safeParse({ ...step, knowledge: { ...choice, options } });
      expect(result.success).toBe(false);
      expect(result.error?.issues[0]?.message).toMatch(/exactly one option must be correct/);
    }
    const predictNone = predict.options.map((option) => ({ ...option, correct: false }));
    expect(
      lessonStepSchema.safeParse({ ...step, knowledge: { ...predict, options: predictNone } })
        .success,
    ).toBe(false);
  });

  it('refuses a prediction whose request gives the answer away, or two options predicting the same', () => {
    expect(
      lessonStepSchema.safeParse({
        ...step,
        knowledge: { ...predict, request: { ...predict.request, status: 401 } },
      }).success,
    ).toBe(false);
    const twins = [
      predict.options[0]!,
      { ...predict.options[1]!, predicts: { status: 200, decidedBy: 'none' } },
    ];
    expect(
      lessonStepSchema.safeParse({ ...step, knowledge: { ...predict, options: twins } }).success,
    ).toBe(false);
  });

  it('still reports an action step’s own issue by its path', () => {
    const result = lessonStepSchema.safeParse({
      id: 'a',
      title: 'A step',
      task: 'Do the thing, then look.',
      check: { type: 'text' },
      hints: ['A hint.'],
      solution: 'Press the button.',
    });
    expect(result.error?.issues[0]?.path).toEqual(['check', 'type']);
  });
});
