import type { Redis } from 'ioredis';
import { unlessRedisUnreachable } from '../../redis/redis-unavailable.js';
import type { SharedRedis } from '../../redis/shared-redis.js';
import { parseRevocationEvent, type RevocationEvent } from './revocation-event.js';
import type { RevocationBackend, RevocationListener } from './revocation-backend.js';

/**
 * Several instances: signed-out `jti`s are kept in a Redis sorted set (scored by expiry, so old
 * ones are trimmed by score), and every event is published on one channel that each instance
 * subscribes to with a connection of its own.
 */
export class RedisRevocationBackend implements RevocationBackend {
  private readonly deniedKey: string;
  private readonly channel: string;
  private subscriber: Redis | undefined;

  constructor(private readonly redis: SharedRedis) {
    this.deniedKey = redis.key('revoked-tokens');
    this.channel = redis.key('revocations');
  }

  async publish(event: RevocationEvent): Promise<void> {
    const message = JSON.stringify(event);
    const transaction = this.redis.client.multi();
    if (event.type === 'token') {
      // Trimmed as it grows: a signed-out token that has expired needs no refusing.
      transaction.zremrangebyscore(this.deniedKey, '-inf', String(Math.floor(Date.now() / 1000)));
      transaction.zadd(this.deniedKey, event.until, event.jti);
    }
    transaction.publish(this.channel, message);
    const results = await unlessRedisUnreachable(this.redis.client, () => transaction.exec());
    const failed = results?.find(([error]) => error !== null);
    if (!results || failed) throw new Error('Redis refused the revocation', { cause: failed?.[0] });
  }

  async deniedTokens(nowSeconds: number): Promise<Array<{ jti: string; until: number }>> {
    await this.redis.client.zremrangebyscore(this.deniedKey, '-inf', String(nowSeconds));
    const flat = await this.redis.client.zrange(this.deniedKey, '0', '-1', 'WITHSCORES');
    const tokens: Array<{ jti: string; until: number }> = [];
    for (let i = 0; i + 1 < flat.length; i += 2)
      tokens.push({ jti: flat[i]!, until: Number(flat[i + 1]) });
    return tokens;
  }

  async listen(listener: RevocationListener): Promise<void> {
    const subscriber = this.redis.client.duplicate();
    this.subscriber = subscriber;
    subscriber.on('error', () => {});
    subscriber.on('message', (channel: string, message: string) => {
      if (channel !== this.channel) return;
      const event = parseRevocationEvent(message);
      if (event) listener.event(event);
    });
    subscriber.on('close', () => listener.stale());
    await subscriber.subscribe(this.channel);
    // After a reconnect: subscribe again and wait for Redis to confirm, so no event published
    // from here on is missed, and only then reload what may have been missed meanwhile.
    subscriber.on('ready', () => {
      subscriber.subscribe(this.channel).then(
        () => listener.resync(),
        () => listener.stale(),
      );
    });
  }

  async close(): Promise<void> {
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    subscriber?.removeAllListeners('close');
    await subscriber?.quit().catch(() => subscriber.disconnect());
  }
}
