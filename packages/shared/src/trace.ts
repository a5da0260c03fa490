import { z } from 'zod';

/**
 * A trace is the recorded path of one request through the API: every Express middleware,
 * guard, interceptor, pipe, the handler and the exception filter, in the order they ran.
 */
export const TRACE_STEP_KINDS = [
  'middleware',
  'guard',
  'interceptor',
  'pipe',
  'handler',
  'filter',
] as const;
export type TraceStepKind = (typeof TRACE_STEP_KINDS)[number];

/** pass: let the request continue; deny: refused it on purpose; error: failed unexpectedly. */
export const TRACE_OUTCOMES = ['pass', 'deny', 'error'] as const;
export type TraceOutcome = (typeof TRACE_OUTCOMES)[number];

/**
 * A fact a step checked, with exact numbers: "exp", "expired 37 s ago", ok = false. A check that
 * never ran (an earlier one had already refused the token) is ok = null, "not checked": showing it
 * as passed would tell the learner something nobody verified.
 */
export const traceCheckSchema = z.object({
  name: z.string(),
  ok: z.boolean().nullable(),
  text: z.string(),
});
export type TraceCheck = z.infer<typeof traceCheckSchema>;

export const traceEventSchema = z.object({
  /** The step's own name: "helmet", "JwtAuthGuard", "ZodValidationPipe(body)". */
  step: z.string(),
  kind: z.enum(TRACE_STEP_KINDS),
  /** Milliseconds from the start of the request to the start of this step. */
  startMs: z.number(),
  durationMs: z.number(),
  outcome: z.enum(TRACE_OUTCOMES),
  /** One sentence a learner can read: why the step passed or refused. */
  reason: z.string(),
  checks: z.array(traceCheckSchema).optional(),
  /** Small facts about the decision (token source, algorithm, kid, roles); never a secret. */
  detail: z
    .record(
      z.string(),
      z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]),
    )
    .optional(),
});
export type TraceEvent = z.infer<typeof traceEventSchema>;

export const traceOwnerSchema = z.object({
  /** The token subject of the caller, when authenticated. */
  subject: z.string().optional(),
  /** The playground session (X-Playground-Session) of the caller, when sent. */
  session: z.string().optional(),
});
export type TraceOwner = z.infer<typeof traceOwnerSchema>;

/** One Set-Cookie header the response carried: its name and attributes, never its value. */
export const setCookieSummarySchema = z.object({
  name: z.string(),
  /** Attribute names as sent (Max-Age, Path, HttpOnly…) with their values; flags map to true. */
  attributes: z.record(z.string(), z.union([z.string(), z.literal(true)])),
});
export type SetCookieSummary = z.infer<typeof setCookieSummarySchema>;

export const traceSchema = z.object({
  id: z.string(),
  method: z.string(),
  /** The path without the query string. */
  path: z.string(),
  /** The route pattern that matched, e.g. "/api/articles/:id", when one did. */
  route: z.string().optional(),
  startedAt: z.string(),
  durationMs: z.number(),
  status: z.number().int(),
  owner: traceOwnerSchema,
  events: z.array(traceEventSchema),
  /** Cookies the response set (values withheld), so the playground can explain them. */
  setCookies: z.array(setCookieSummarySchema).optional(),
  /**
   * The playground made this request for itself (PLAYGROUND_BACKGROUND_HEADER): health, clock,
   * routes, "Who am I?", the cookie echo. Its lifecycle list hides these by default; the same
   * path sent by the learner carries no flag and always shows.
   */
  background: z.literal(true).optional(),
  /** The step that refused the request, if one did. */
  decidedBy: z
    .object({ step: z.string(), kind: z.enum(TRACE_STEP_KINDS), reason: z.string() })
    .optional(),
});
export type Trace = z.infer<typeof traceSchema>;

/** The header a playground sends so anonymous requests' traces can be shown to it. */
export const PLAYGROUND_SESSION_HEADER = 'x-playground-session';
/** What the API accepts as a playground session id: 16–64 URL-safe characters. */
export const PLAYGROUND_SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/;
/** Sent, with the value "1", on the playground's own calls; see Trace.background. */
export const PLAYGROUND_BACKGROUND_HEADER = 'x-playground-background';
export const TRACE_ID_HEADER = 'x-trace-id';
