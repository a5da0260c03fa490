import type { Trace, TraceOwner } from '@authlab/shared';
import { PlaygroundSessionClaims } from './playground-session-claims.js';

/** A finished request's trace as kept: whose it is, and the Trace itself once somebody reads it. */
export interface StoredTrace {
  readonly id: string;
  readonly owner: TraceOwner;
  toTrace(): Trace;
}

export type TraceListener = (trace: StoredTrace) => void;

/**
 * The most recent traces, at most `capacity` of them: a Map keeps insertion order, so the
 * oldest is always the first key and eviction is O(1). Listeners hear every new trace.
 */
export class TraceStore {
  private readonly traces = new Map<string, StoredTrace>();
  private readonly listeners = new Set<TraceListener>();
  /** Sign-ins outlive the traces that show them: ten for every trace kept is plenty. */
  readonly sessionClaims: PlaygroundSessionClaims;

  constructor(readonly capacity: number) {
    this.sessionClaims = new PlaygroundSessionClaims(capacity * 10);
  }

  get size(): number {
    return this.traces.size;
  }

  add(trace: StoredTrace): void {
    if (this.traces.size >= this.capacity) {
      const oldest = this.traces.keys().next().value;
      if (oldest !== undefined) this.traces.delete(oldest);
    }
    this.traces.set(trace.id, trace);
    for (const listener of this.listeners) listener(trace);
  }

  get(id: string): StoredTrace | undefined {
    return this.traces.get(id);
  }

  /** Newest first, those `visible` lets through, at most `limit`. */
  recent(visible: (trace: StoredTrace) => boolean, limit: number): StoredTrace[] {
    const result: StoredTrace[] = [];
    const all = [...this.traces.values()];
    for (let index = all.length - 1; index >= 0 && result.length < limit; index -= 1) {
      const trace = all[index]!;
      if (visible(trace)) result.push(trace);
    }
    return result;
  }

  subscribe(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.traces.clear();
  }
}

export const TRACE_STORE = Symbol('TRACE_STORE');
