import type { Redis } from 'ioredis';

/**
 * The Redis that several API instances share, with the key prefix that keeps this deployment's
 * keys (and its pub/sub channel) apart from anything else on the same server.
 */
export interface SharedRedis {
  client: Redis;
  key(name: string): string;
}

/** Injection token: a SharedRedis when REDIS_URL is set, otherwise null (one instance, state in memory). */
export const SHARED_REDIS = Symbol('SHARED_REDIS');
