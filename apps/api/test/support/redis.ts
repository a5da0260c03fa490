import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

/** The Redis the shared-state tests use; each test run works under a key prefix of its own. */
export const REDIS_URL =
  process.env.TEST_REDIS_URL ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Why the Redis tests are skipped here, or undefined when they run. Required under CI=true. */
export async function redisSkipReason(): Promise<string | undefined> {
  const client = new Redis(REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.ping();
    return undefined;
  } catch (error) {
    const reason = `Redis is not reachable at ${REDIS_URL} (${(error as Error).message})`;
    if (process.env.CI === 'true')
      throw new Error(`${reason}; it is required when CI=true`, { cause: error });
    console.warn(`[skip] Redis runs skipped: ${reason}`);
    return reason;
  } finally {
    client.disconnect();
  }
}

/** A key prefix no other run shares, so parallel runs and leftovers never meet. */
export function uniqueKeyPrefix(): string {
  return `authlab-test:${randomBytes(6).toString('hex')}:`;
}

/** Deletes every key under the prefix. */
export async function deleteKeys(prefix: string): Promise<void> {
  const client = new Redis(REDIS_URL);
  try {
    const keys = await client.keys(`${prefix}*`);
    if (keys.length > 0) await client.del(...keys);
  } finally {
    client.disconnect();
  }
}
