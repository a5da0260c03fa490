import { describe, expect, it } from 'vitest';
import { MemoryThrottleStore } from './memory-throttle.store.js';

describe('MemoryThrottleStore', () => {
  it('counts attempts in a window that opens with the first one and is not extended', async () => {
    let now = 1_000;
    const store = new MemoryThrottleStore(() => now);
    expect(await store.hit('k', 500)).toEqual({ count: 1, resetInMs: 500 });
    now = 1_400;
    expect(await store.hit('k', 500)).toEqual({ count: 2, resetInMs: 100 });
    now = 1_500;
    expect(await store.hit('k', 500)).toEqual({ count: 1, resetInMs: 500 });
  });

  it('takes an attempt back, never below zero, and forgets a key on reset', async () => {
    const store = new MemoryThrottleStore(() => 0);
    await store.hit('k', 100);
    await store.undo('k');
    await store.undo('k');
    expect((await store.hit('k', 100)).count).toBe(1);
    await store.reset('k');
    expect((await store.hit('k', 100)).count).toBe(1);
  });
});
