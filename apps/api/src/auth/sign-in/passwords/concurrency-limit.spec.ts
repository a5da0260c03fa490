import { describe, expect, it } from 'vitest';
import { ConcurrencyLimit, QueueFullError } from './concurrency-limit.js';

/** A task that stays running until it is released. */
function controllable() {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { release, task: () => done };
}

describe('ConcurrencyLimit', () => {
  it('runs at most `limit` tasks at once and starts the waiting ones in order', async () => {
    const limit = new ConcurrencyLimit(2);
    const started: number[] = [];
    const tasks = [0, 1, 2, 3].map(() => controllable());
    const runs = tasks.map((control, index) =>
      limit.run(async () => {
        started.push(index);
        await control.task();
        return index;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);

    tasks[1]!.release();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);

    for (const control of tasks) control.release();
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3]);
  });

  it('frees the slot when a task fails', async () => {
    const limit = new ConcurrencyLimit(1);
    await expect(limit.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit.run(() => Promise.resolve('next'))).resolves.toBe('next');
  });

  it('refuses a task at once when `maxWaiting` tasks already wait, and takes one again when the line moves', async () => {
    const limit = new ConcurrencyLimit(1, 1);
    const first = controllable();
    const running = limit.run(first.task);
    const waiting = limit.run(() => Promise.resolve('second'));
    await expect(limit.run(() => Promise.resolve('third'))).rejects.toBeInstanceOf(QueueFullError);
    expect(limit.queued).toBe(1);
    first.release();
    await running;
    await expect(waiting).resolves.toBe('second');
    await expect(limit.run(() => Promise.resolve('fourth'))).resolves.toBe('fourth');
  });
});
