import { z } from 'zod';
import { TRACE_STEP_KINDS } from '../trace.js';
import { TRACE_FACTS } from '../trace-facts.js';

/** The facts that can link requests: one token, or one refresh-session family. */
export const LINKING_FACTS = [TRACE_FACTS.tokenFingerprint, TRACE_FACTS.sessionFamily] as const;
export type LinkingFact = (typeof LINKING_FACTS)[number];

const primitive = z.union([z.string(), z.number(), z.boolean()]);
/**
 * A value to find; `{ not: value }`: a value was recorded and it is another one (a kid that is not
 * the issuer's); `{ present: true }`: some value was recorded (a jku, an embedded jwk), or none
 * with `false`.
 */
const factMatcher = z.union([
  primitive,
  z.strictObject({ not: primitive }),
  z.strictObject({ present: z.boolean() }),
]);
export type FactMatcher = z.infer<typeof factMatcher>;

/** A request the learner made, matched against their traces: by behaviour, never by wording. */
export const requestMatchSchema = z.strictObject({
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']).optional(),
  /** A path, or a route pattern with :params ("/api/articles/:id"). */
  path: z.string().startsWith('/').optional(),
  status: z
    .union([z.number().int().min(100).max(599), z.array(z.number().int().min(100).max(599)).min(1)])
    .optional(),
  /** The step that refused the request (trace.decidedBy.step), or "none" for a request nobody refused. */
  decidedBy: z.string().min(1).optional(),
  /** An event the trace must contain. */
  event: z
    .strictObject({
      step: z.string().min(1).optional(),
      kind: z.enum(TRACE_STEP_KINDS).optional(),
      outcome: z.enum(['pass', 'deny', 'error']).optional(),
      /**
       * A named check of that event and whether it passed ("exp" failed → an expired token), or
       * ok: null for a check that never ran because an earlier one refused the token. A check
       * that never ran matches neither ok: true nor ok: false.
       */
      check: z.strictObject({ name: z.string().min(1), ok: z.boolean().nullable() }).optional(),
      /** Facts the event recorded (token source, role…), compared exactly; a recorded list matches a value it holds. */
      detail: z.record(z.string(), factMatcher).optional(),
      /**
       * The token the step looked at, as it recorded it (trace-facts.ts): header fields and claims
       * it saw ({ alg: none }, { role: admin }), and whether the server issued that exact token.
       */
      token: z
        .strictObject({
          header: z.record(z.string(), factMatcher).optional(),
          claims: z.record(z.string(), factMatcher).optional(),
          issued: z.boolean().optional(),
        })
        .optional(),
    })
    .optional(),
  /** A cookie the response set (by name, values are never traced). */
  setsCookie: z.string().min(1).optional(),
});
export type RequestMatch = z.infer<typeof requestMatchSchema>;

export const lessonCheckSchema: z.ZodType<LessonCheck> = z.lazy(() =>
  z.discriminatedUnion('type', [
    z.strictObject({
      type: z.literal('token-claim'),
      /** A claim of the playground's current token. */
      claim: z.string().min(1),
      equals: primitive.optional(),
      present: z.boolean().optional(),
    }),
    z.strictObject({
      type: z.literal('token-header'),
      field: z.string().min(1),
      equals: primitive.optional(),
      present: z.boolean().optional(),
    }),
    z.strictObject({
      type: z.literal('request'),
      match: requestMatchSchema,
      /** How many matching requests are needed (default 1). */
      times: z.number().int().min(1).max(50).optional(),
    }),
    z.strictObject({
      type: z.literal('signature-verified'),
      /** The inspector verified the current token's signature with this kind of key. */
      keyKind: z.enum(['secret', 'pem', 'jwks']).optional(),
    }),
    z.strictObject({ type: z.literal('cookie-mode'), on: z.boolean() }),
    z.strictObject({
      type: z.literal('linked-requests'),
      /**
       * What the requests must share: the same token (by fingerprint) or the same refresh-session
       * family. "Refused by the secure verifier, accepted by the weak one" is one token, not two.
       */
      by: z.enum(LINKING_FACTS),
      /** Each must be met by a different request, all sharing one value of `by`. */
      requests: z.array(requestMatchSchema).min(2).max(5),
      /** The requests were made in the order listed. */
      ordered: z.boolean().optional(),
    }),
    z.strictObject({ type: z.literal('all'), checks: z.array(lessonCheckSchema).min(2) }),
  ]),
);

export type LessonCheck =
  | { type: 'token-claim'; claim: string; equals?: string | number | boolean; present?: boolean }
  | { type: 'token-header'; field: string; equals?: string | number | boolean; present?: boolean }
  | { type: 'request'; match: RequestMatch; times?: number }
  | { type: 'signature-verified'; keyKind?: 'secret' | 'pem' | 'jwks' }
  | { type: 'cookie-mode'; on: boolean }
  | {
      type: 'linked-requests';
      by: LinkingFact;
      requests: RequestMatch[];
      ordered?: boolean;
    }
  | { type: 'all'; checks: LessonCheck[] };

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug like "anatomy-of-a-jwt"');

/** A step the learner does in the tools; its check ticks it. */
export const actionStepSchema = z.strictObject({
  id: slug,
  title: z.string().min(3).max(120),
  /** What to do, in one or two sentences (the lesson body explains why). */
  task: z.string().min(10),
  check: lessonCheckSchema,
  /** Revealed one at a time, most general first. */
  hints: z.array(z.string().min(5)).min(1).max(5),
  /** Shown on request; seeing it does not complete the step. */
  solution: z.string().min(10),
});
export type ActionStep = z.infer<typeof actionStepSchema>;

const optionText = z.string().min(1).max(300);
/** Why this option is right or wrong: shown once the learner has answered, whichever they chose. */
const explanation = z.string().min(20).max(1200);

/** What a request will get: its status, and the step that decides it ("none": nobody refused it). */
export const predictionSchema = z.strictObject({
  status: z.number().int().min(100).max(599),
  decidedBy: z.string().min(1),
});
export type Prediction = z.infer<typeof predictionSchema>;

const exactlyOneCorrect = (options: readonly { correct: boolean }[]) =>
  options.filter((option) => option.correct).length === 1;
const EXACTLY_ONE_CORRECT = 'exactly one option must be correct: true';

/** A short question: pick the right answer, read why each answer is right or wrong. */
export const choiceKnowledgeSchema = z.strictObject({
  type: z.literal('choice'),
  question: z.string().min(10),
  options: z
    .array(z.strictObject({ text: optionText, correct: z.boolean(), explanation }))
    .min(2)
    .max(6)
    .refine(exactlyOneCorrect, EXACTLY_ONE_CORRECT),
});

/**
 * "What will this request get, and which step decides?": the learner commits a prediction, then
 * sends the request; the first such request sent after committing is compared with the prediction.
 */
export const predictKnowledgeSchema = z.strictObject({
  type: z.literal('predict'),
  question: z.string().min(10),
  /** How to send the request in the tools, once the prediction is committed. */
  send: z.string().min(10),
  /**
   * Which request counts (method, path, the token it carried…). Never its status or decidedBy:
   * those are the answer, and a wrong outcome must still be shown to the learner.
   */
  request: requestMatchSchema.refine(
    (match) => match.status === undefined && match.decidedBy === undefined,
    'the request must not name a status or decidedBy: they are what the learner predicts',
  ),
  options: z
    .array(
      z.strictObject({
        text: optionText,
        predicts: predictionSchema,
        correct: z.boolean(),
        explanation,
      }),
    )
    .min(2)
    .max(6)
    .refine(exactlyOneCorrect, EXACTLY_ONE_CORRECT)
    .refine(
      (options) =>
        new Set(options.map((o) => `${o.predicts.status} ${o.predicts.decidedBy}`)).size ===
        options.length,
      'each option must predict a different outcome (status and decidedBy)',
    ),
});

export const knowledgeSchema = z.discriminatedUnion('type', [
  choiceKnowledgeSchema,
  predictKnowledgeSchema,
]);
export type Knowledge = z.infer<typeof knowledgeSchema>;
export type ChoiceKnowledge = z.infer<typeof choiceKnowledgeSchema>;
export type PredictKnowledge = z.infer<typeof predictKnowledgeSchema>;

/** A knowledge check: a short question answered in the lesson runner; it ticks on the right answer. */
export const knowledgeStepSchema = z.strictObject({
  id: slug,
  title: z.string().min(3).max(120),
  knowledge: knowledgeSchema,
});
export type KnowledgeStep = z.infer<typeof knowledgeStepSchema>;

export type LessonStep = ActionStep | KnowledgeStep;

/**
 * A step with a `knowledge` field is a knowledge check, any other an action step. Chosen by that
 * field rather than tried in turn, so an author reads the one schema's issue ("steps[2].check.type"),
 * not both schemas' issues at once.
 */
export const lessonStepSchema = z.unknown().transform((value, ctx): LessonStep => {
  const knowledge = typeof value === 'object' && value !== null && 'knowledge' in value;
  const result = (knowledge ? knowledgeStepSchema : actionStepSchema).safeParse(value);
  if (result.success) return result.data;
  for (const issue of result.error.issues)
    ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
  return z.NEVER;
});

export function isKnowledgeStep(step: LessonStep): step is KnowledgeStep {
  return 'knowledge' in step;
}

/** The front matter of docs/lessons/NN-<id>.md; the Markdown body is the lesson text. */
export const lessonFrontMatterSchema = z
  .strictObject({
    id: slug,
    title: z.string().min(5).max(120),
    order: z.number().int().min(1).max(99),
    summary: z.string().min(20).max(400),
    minutes: z.number().int().min(3).max(60),
    steps: z.array(lessonStepSchema).min(1).max(12),
  })
  .refine(
    (lesson) => new Set(lesson.steps.map((step) => step.id)).size === lesson.steps.length,
    'step ids must be unique',
  );
export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;

export interface Lesson extends LessonFrontMatter {
  /** The Markdown body, without the front matter. */
  body: string;
}
