/**
 * The API's notion of "now". In demo and lab mode an instructor may move it forward, so that
 * expiry, refresh and throttling windows happen in front of the class; otherwise it is the
 * system clock, and asking to move it is refused.
 */
export class Clock {
  private offsetMs = 0;
  private readonly moveListeners = new Set<() => void>();

  constructor(readonly adjustable: boolean) {}

  /** Hears every move, so what waits for a moment on this clock (an expiry) can look again. */
  onMove(listener: () => void): () => void {
    this.moveListeners.add(listener);
    return () => this.moveListeners.delete(listener);
  }

  nowMs(): number {
    return Date.now() + this.offsetMs;
  }

  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  get offsetSeconds(): number {
    return Math.round(this.offsetMs / 1000);
  }

  /** Moves the clock forward only: time never runs backwards, so nothing issued "later" predates anything. */
  advance(seconds: number): void {
    if (!this.adjustable) throw new Error('This clock is the system clock; it cannot be moved.');
    if (!Number.isInteger(seconds) || seconds <= 0)
      throw new RangeError('The clock moves forward by a positive whole number of seconds.');
    this.offsetMs += seconds * 1000;
    for (const listener of this.moveListeners) listener();
  }

  reset(): void {
    if (!this.adjustable) throw new Error('This clock is the system clock; it cannot be moved.');
    this.offsetMs = 0;
    for (const listener of this.moveListeners) listener();
  }
}

export const CLOCK = Symbol('CLOCK');
