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
export type TraceOutcome = 'pass' | 'deny' | 'error';

/**
 * A fact a step checked, with exact numbers: "exp", "expired 37 s ago", ok = false. A check that
 * never ran (an earlier one had already refused the token) is ok = null, "not checked": showing it
 * as passed would tell the learner something nobody verified.
 */
export interface TraceCheck {
  name: string;
  ok: boolean | null;
  text: string;
}

export interface TraceEvent {
  /** The step's own name: "helmet", "JwtAuthGuard", "ZodValidationPipe(body)". */
  step: string;
  kind: TraceStepKind;
  /** Milliseconds from the start of the request to the start of this step. */
  startMs: number;
  durationMs: number;
  outcome: TraceOutcome;
  /** One sentence a learner can read: why the step passed or refused. */
  reason: string;
  checks?: TraceCheck[];
  /** Small facts about the decision (token source, algorithm, kid, roles); never a secret. */
  detail?: Record<string, string | number | boolean | null | string[]>;
}

export interface TraceOwner {
  /** The token subject of the caller, when authenticated. */
  subject?: string;
  /** The playground session (X-Playground-Session) of the caller, when sent. */
  session?: string;
}

/** One Set-Cookie header the response carried: its name and attributes, never its value. */
export interface SetCookieSummary {
  name: string;
  /** Attribute names as sent (Max-Age, Path, HttpOnly…) with their values; flags map to true. */
  attributes: Record<string, string | true>;
}

export interface Trace {
  id: string;
  method: string;
  /** The path without the query string. */
  path: string;
  /** The route pattern that matched, e.g. "/api/articles/:id", when one did. */
  route?: string;
  startedAt: string;
  durationMs: number;
  status: number;
  owner: TraceOwner;
  events: TraceEvent[];
  /** Cookies the response set (values withheld), so the playground can explain them. */
  setCookies?: SetCookieSummary[];
  /**
   * The playground made this request for itself (PLAYGROUND_BACKGROUND_HEADER): health, clock,
   * routes, "Who am I?", the cookie echo. Its lifecycle list hides these by default; the same
   * path sent by the learner carries no flag and always shows.
   */
  background?: true;
  /** The step that refused the request, if one did. */
  decidedBy?: { step: string; kind: TraceStepKind; reason: string };
}

/** The header a playground sends so anonymous requests' traces can be shown to it. */
export const PLAYGROUND_SESSION_HEADER = 'x-playground-session';
/** What the API accepts as a playground session id: 16–64 URL-safe characters. */
export const PLAYGROUND_SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/;
/** Sent, with the value "1", on the playground's own calls; see Trace.background. */
export const PLAYGROUND_BACKGROUND_HEADER = 'x-playground-background';
export const TRACE_ID_HEADER = 'x-trace-id';
