/** Thrown instead of waiting when the line is already at its bound. */
export class QueueFullError extends Error {
  override name = 'QueueFullError';
}

/**
 * Runs at most `limit` tasks at once; the others wait their turn, first come first served, and
 * at most `maxWaiting` of them: past that a task is refused at once with QueueFullError, so a
 * burst cannot build a line that every later caller waits behind (OWASP API4:2023).
 * The argon2 package hashes on libuv's thread pool (4 threads by default): on a machine with
 * fewer free cores than that, four hashes at once take the CPU from the event loop, and every
 * other request waits for it. Queueing the extra hashes costs sign-ins nothing in throughput.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    readonly limit: number,
    readonly maxWaiting = Number.POSITIVE_INFINITY,
  ) {}

  /** Tasks waiting for a slot. */
  get queued(): number {
    return this.waiting.length;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) {
      if (this.waiting.length >= this.maxWaiting) throw new QueueFullError('the line is full');
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running += 1;
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next task, or give it back.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
