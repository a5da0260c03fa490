/** How many attempts a key has made in its current window, and when that window ends. */
export interface AttemptCount {
  count: number;
  resetInMs: number;
}

/**
 * Fixed-window attempt counters. A window opens with a key's first attempt and lasts
 * `windowMs`; attempts inside it do not extend it, so Retry-After is a promise that holds.
 */
export interface ThrottleStore {
  /** Counts one more attempt for `key` and returns the total so far in this window. */
  hit(key: string, windowMs: number): Promise<AttemptCount>;
  /** Takes back one attempt that turned out fine. */
  undo(key: string): Promise<void>;
  /** Forgets the key's attempts. */
  reset(key: string): Promise<void>;
}

export const THROTTLE_STORE = Symbol('THROTTLE_STORE');
