/**
 * Runs at most `limit` tasks at once; the others wait their turn, first come first served.
 * The argon2 package hashes on libuv's thread pool (4 threads by default): on a machine with
 * fewer free cores than that, four hashes at once take the CPU from the event loop, and every
 * other request waits for it. Queueing the extra hashes costs sign-ins nothing in throughput.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit)
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
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
