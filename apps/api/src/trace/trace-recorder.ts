import { performance } from 'node:perf_hooks';
import type {
  SetCookieSummary,
  Trace,
  TraceCheck,
  TraceEvent,
  TraceOutcome,
  TraceOwner,
  TraceStepKind,
} from '@authlab/shared';
import type { PlaygroundSessionClaims } from './playground-session-claims.js';

/** A trace has at most this many events, so no request can grow one without bound. */
const MAX_EVENTS = 64;

/**
 * A sentence, or how to write it. Most traces are never read, so a step that would have to
 * assemble its sentence (or its list of checks) from several values may hand over a function
 * instead: it runs only when somebody reads the trace.
 */
export type Lazy<T> = T | (() => T);

export interface StepResult {
  outcome: TraceOutcome;
  reason: Lazy<string>;
  checks?: Lazy<TraceCheck[]>;
  detail?: Lazy<NonNullable<TraceEvent['detail']>>;
}

const resolve = <T>(value: Lazy<T>): T =>
  typeof value === 'function' ? (value as () => T)() : value;

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/**
 * Collects the events of one request while it runs, then is kept as that request's trace.
 *
 * The store keeps the last thousand of these, so every request's events outlive many garbage
 * collections. They are held in a few flat arrays (numbers unboxed, sentences often not yet
 * written) rather than as an object per event; `toTrace()` builds the readable Trace when a trace
 * is actually asked for. bench/ measures what this saves.
 */
export class TraceRecorder {
  readonly owner: TraceOwner = {};
  /** The playground sent this request for itself, not for the learner (see Trace.background). */
  background = false;
  private readonly startedAt = Date.now();
  private readonly origin = performance.now();
  private readonly steps: string[] = [];
  private readonly kinds: TraceStepKind[] = [];
  private readonly outcomes: TraceOutcome[] = [];
  private readonly reasons: Array<Lazy<string>> = [];
  /** Start and end of each event, in ms since the request arrived: [start0, end0, start1, end1, …]. */
  private readonly times: number[] = [];
  /** Checks and details: most steps have neither. */
  private readonly extras = new Map<number, Pick<StepResult, 'checks' | 'detail'>>();
  private lastEndMs = 0;
  /** The playground session the request named, kept while an accepted token may still be refused. */
  private namedSession: string | undefined;
  /** Facts the handler's own work noted (a lab verdict, a refresh outcome), for its event. */
  private handlerFacts: NonNullable<TraceEvent['detail']> | undefined;
  /** Checks the handler's own work ran (a lab verifier's signature and exp), for its event. */
  private handlerChecks: TraceCheck[] | undefined;
  /** A middleware that has not called next() yet; if the response ends first, it answered. */
  private pendingMiddleware: { step: string; startMs: number } | undefined;
  private finished:
    | { status: number; route?: string; durationMs: number; setCookies?: SetCookieSummary[] }
    | undefined;

  constructor(
    readonly id: string,
    private readonly method: string,
    private readonly path: string,
    private readonly sessionClaims?: PlaygroundSessionClaims,
  ) {}

  /**
   * The request is authenticated as `subject`. Its trace stays filed under the playground
   * session it named only if its token's sign-in (`authSessionId`) was started from that
   * session; a machine client's token has no sign-in, so never.
   */
  authenticatedAs(subject: string, authSessionId: string | undefined): void {
    this.owner.subject = subject;
    const session = this.owner.session;
    this.namedSession = session;
    if (
      session !== undefined &&
      (authSessionId === undefined || this.sessionClaims?.startedFrom(authSessionId) !== session)
    )
      delete this.owner.session;
  }

  /**
   * The verified token is no longer honoured (signed out, revoked): like any refused token, the
   * request counts as anonymous, filed under the playground session it named, where the learner
   * who sent it sees the refusal.
   */
  tokenRefused(): void {
    delete this.owner.subject;
    if (this.namedSession !== undefined) this.owner.session = this.namedSession;
  }

  /** This request signed in (or refreshed) `authSessionId`: it was started from this playground session. */
  startedAuthSession(authSessionId: string): void {
    if (this.owner.session !== undefined)
      this.sessionClaims?.bind(authSessionId, this.owner.session);
  }

  /** Milliseconds since the request arrived. */
  now(): number {
    return performance.now() - this.origin;
  }

  /** The end of the latest recorded step: where the next step can have started at the earliest. */
  latestEnd(): number {
    return this.lastEndMs;
  }

  /** True when a step that started at or after `sinceMs` refused or failed. */
  refusedSince(sinceMs: number): boolean {
    for (let index = 0; index < this.steps.length; index += 1) {
      if (this.times[2 * index]! >= sinceMs - 0.001 && this.outcomes[index] !== 'pass') return true;
    }
    return false;
  }

  /**
   * Notes facts about what the handler did, for its trace event (which the interceptor records
   * once the handler has answered): handlers decide, the trace only hears what they decided.
   */
  noteHandlerFacts(facts: NonNullable<TraceEvent['detail']>): void {
    this.handlerFacts = { ...this.handlerFacts, ...facts };
  }

  /** Notes the checks the handler itself ran, in order, for its trace event. */
  noteHandlerChecks(checks: TraceCheck[]): void {
    this.handlerChecks = checks;
  }

  /** The checks noted by the handler, once: they belong to one event. */
  takeHandlerChecks(): TraceCheck[] | undefined {
    const checks = this.handlerChecks;
    this.handlerChecks = undefined;
    return checks;
  }

  /** The facts noted by the handler so far, once: they belong to one event. */
  takeHandlerFacts(): NonNullable<TraceEvent['detail']> | undefined {
    const facts = this.handlerFacts;
    this.handlerFacts = undefined;
    return facts;
  }

  /** Starts timing a step; call the returned function once, when the step has decided. */
  begin(step: string, kind: TraceStepKind): (result: StepResult) => void {
    const startMs = this.now();
    return (result) => this.record(step, kind, startMs, this.now(), result);
  }

  /** Like begin(), for an Express middleware, which may answer the request instead of passing it on. */
  beginMiddleware(step: string): (result: StepResult) => void {
    const pending = { step, startMs: this.now() };
    this.pendingMiddleware = pending;
    return (result) => {
      if (this.pendingMiddleware === pending) this.pendingMiddleware = undefined;
      this.record(step, 'middleware', pending.startMs, this.now(), result);
    };
  }

  record(
    step: string,
    kind: TraceStepKind,
    startMs: number,
    endMs: number,
    result: StepResult,
  ): void {
    // Once the response has gone, the trace is what the learner will read: nothing more is added.
    if (this.finished || this.steps.length >= MAX_EVENTS) return;
    this.lastEndMs = Math.max(this.lastEndMs, endMs);
    if (result.checks || result.detail)
      this.extras.set(this.steps.length, { checks: result.checks, detail: result.detail });
    this.steps.push(step);
    this.kinds.push(kind);
    this.outcomes.push(result.outcome);
    this.reasons.push(result.reason);
    this.times.push(startMs, Math.max(startMs, endMs));
  }

  /** The response has been sent: the trace is complete. */
  finish(status: number, route: string | undefined, setCookies: SetCookieSummary[]): void {
    if (this.pendingMiddleware) {
      const { step, startMs } = this.pendingMiddleware;
      this.pendingMiddleware = undefined;
      this.record(step, 'middleware', startMs, this.now(), {
        outcome: 'pass',
        reason: 'Answered the request itself.',
      });
    }
    this.finished = {
      status,
      ...(route ? { route } : {}),
      durationMs: round(this.now()),
      ...(setCookies.length > 0 ? { setCookies } : {}),
    };
  }

  /** The trace as the API answers it: events in the order they started, sentences written out. */
  toTrace(): Trace {
    const { status, route, durationMs, setCookies } = this.finished ?? {
      status: 0,
      durationMs: round(this.now()),
    };
    const events = this.steps
      .map((step, index): TraceEvent => {
        const extra = this.extras.get(index);
        const startMs = this.times[2 * index]!;
        return {
          step,
          kind: this.kinds[index]!,
          startMs: round(startMs),
          durationMs: round(this.times[2 * index + 1]! - startMs),
          outcome: this.outcomes[index]!,
          reason: resolve(this.reasons[index]!),
          ...(extra?.checks ? { checks: resolve(extra.checks) } : {}),
          ...(extra?.detail ? { detail: resolve(extra.detail) } : {}),
        };
      })
      .sort((a, b) => a.startMs - b.startMs);
    // The first step that refused or failed decided the answer; the filter only wrote it.
    const decider = events.find((event) => event.kind !== 'filter' && event.outcome !== 'pass');
    return {
      id: this.id,
      method: this.method,
      path: this.path,
      ...(route ? { route } : {}),
      startedAt: new Date(this.startedAt).toISOString(),
      durationMs,
      status,
      owner: { ...this.owner },
      events,
      ...(decider
        ? { decidedBy: { step: decider.step, kind: decider.kind, reason: decider.reason } }
        : {}),
      ...(setCookies ? { setCookies } : {}),
      ...(this.background ? { background: true as const } : {}),
    };
  }
}
