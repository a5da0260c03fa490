import { unlessRedisUnreachable } from '../../../redis/redis-unavailable.js';
import type { SharedRedis } from '../../../redis/shared-redis.js';
import type { AttemptCount, ThrottleStore } from './throttle-store.js';

/** Decrements only a counter that still exists, so an undo never leaves a key without expiry. */
const UNDO =
  "if redis.call('EXISTS', KEYS[1]) == 1 then return redis.call('DECR', KEYS[1]) end return 0";

/** Several instances: the counters live in Redis, so every instance counts the same attempts. */
export class RedisThrottleStore implements ThrottleStore {
  constructor(private readonly redis: SharedRedis) {}

  // Each answers 503 while Redis cannot be reached (see unlessRedisUnreachable).
  hit(key: string, windowMs: number): Promise<AttemptCount> {
    return unlessRedisUnreachable(this.redis.client, async () => {
      const name = this.redis.key(`throttle:${key}`);
      // One transaction: the window opens (SET NX with its expiry) and counts atomically.
      const results = await this.redis.client
        .multi()
        .set(name, 0, 'PX', windowMs, 'NX')
        .incr(name)
        .pttl(name)
        .exec();
      const failed = results?.find(([error]) => error !== null);
      if (!results || failed)
        throw new Error('Redis refused the throttle update', { cause: failed?.[0] });
      const count = results[1]![1] as number;
      const ttl = results[2]![1] as number;
      return { count, resetInMs: ttl > 0 ? ttl : windowMs };
    });
  }

  async undo(key: string): Promise<void> {
    await unlessRedisUnreachable(this.redis.client, () =>
      this.redis.client.eval(UNDO, 1, this.redis.key(`throttle:${key}`)),
    );
  }

  async reset(key: string): Promise<void> {
    await unlessRedisUnreachable(this.redis.client, () =>
      this.redis.client.del(this.redis.key(`throttle:${key}`)),
    );
  }
}
