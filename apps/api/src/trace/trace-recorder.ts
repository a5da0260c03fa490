import { performance } from 'node:perf_hooks';
import type { Trace, TraceCheck, TraceEvent, TraceOutcome, TraceOwner, TraceStepKind } from '@authlab/shared';

/** A trace has at most this many events, so no request can grow one without bound. */
const MAX_EVENTS = 64;

export interface StepResult {
  outcome: TraceOutcome;
  reason: string;
  checks?: TraceCheck[];
  detail?: TraceEvent['detail'];
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}

/** Collects the events of one request while it runs; `finish()` turns it into a Trace. */
export class TraceRecorder {
  readonly owner: TraceOwner = {};
  private readonly events: TraceEvent[] = [];
  private readonly startedAt = new Date();
  private readonly origin = performance.now();
  private lastEndMs = 0;
  /** A middleware that has not called next() yet; if the response ends first, it answered. */
  private pendingMiddleware: { step: string; startMs: number } | undefined;

  constructor(
    readonly id: string,
    private readonly method: string,
    private readonly path: string,
  ) {}

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
    return this.events.some((event) => event.startMs >= sinceMs - 0.001 && event.outcome !== 'pass');
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

  record(step: string, kind: TraceStepKind, startMs: number, endMs: number, result: StepResult): void {
    if (this.events.length >= MAX_EVENTS) return;
    this.lastEndMs = Math.max(this.lastEndMs, endMs);
    this.events.push({
      step,
      kind,
      startMs: round(startMs),
      durationMs: round(Math.max(0, endMs - startMs)),
      outcome: result.outcome,
      reason: result.reason,
      ...(result.checks ? { checks: result.checks } : {}),
      ...(result.detail ? { detail: result.detail } : {}),
    });
  }

  finish(status: number, route: string | undefined): Trace {
    if (this.pendingMiddleware) {
      const { step, startMs } = this.pendingMiddleware;
      this.pendingMiddleware = undefined;
      this.record(step, 'middleware', startMs, this.now(), { outcome: 'pass', reason: 'Answered the request itself.' });
    }
    const events = [...this.events].sort((a, b) => a.startMs - b.startMs);
    // The first step that refused or failed decided the answer; the filter only wrote it.
    const decider = events.find((event) => event.kind !== 'filter' && event.outcome !== 'pass');
    return {
      id: this.id,
      method: this.method,
      path: this.path,
      ...(route ? { route } : {}),
      startedAt: this.startedAt.toISOString(),
      durationMs: round(this.now()),
      status,
      owner: { ...this.owner },
      events,
      ...(decider ? { decidedBy: { step: decider.step, kind: decider.kind, reason: decider.reason } } : {}),
    };
  }
}
