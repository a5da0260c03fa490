import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deleteKeys,
  REDIS_URL,
  redisSkipReason,
  uniqueKeyPrefix,
} from '../../../test/support/redis.js';
import type { SharedRedis } from '../../redis/shared-redis.js';
import type { RevocationEvent } from './revocation-event.js';
import { RedisRevocationBackend } from './redis-revocation.backend.js';

const skipReason = await redisSkipReason();

/** Records what the backend tells its instance. */
function recorder() {
  const seen: { events: RevocationEvent[]; stale: number; resync: number } = {
    events: [],
    stale: 0,
    resync: 0,
  };
  return {
    seen,
    listener: {
      event: (e: RevocationEvent) => seen.events.push(e),
      stale: () => (seen.stale += 1),
      resync: () => (seen.resync += 1),
    },
  };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe.skipIf(skipReason !== undefined)('RedisRevocationBackend against a real Redis', () => {
  const prefix = uniqueKeyPrefix();
  const connectionName = `authlab-spec-${randomBytes(4).toString('hex')}`;
  let client: Redis;
  let shared: SharedRedis;

  beforeAll(() => {
    client = new Redis(REDIS_URL, { connectionName });
    shared = { client, key: (name) => `${prefix}${name}` };
  });
  afterAll(async () => {
    await deleteKeys(prefix);
    client.disconnect();
  });

  it('tells every listening instance, and keeps signed-out tokens for instances that start later', async () => {
    const [a, b] = [new RedisRevocationBackend(shared), new RedisRevocationBackend(shared)];
    const heard = recorder();
    await b.listen(heard.listener);
    await a.listen(recorder().listener);

    const now = Math.floor(Date.now() / 1000);
    await a.publish({ type: 'token', jti: 'expired', until: now - 10 });
    await a.publish({ type: 'token', jti: 'live', until: now + 600 });
    await a.publish({ type: 'version', principal: 'user:1', version: 2 });
    await until(() => heard.seen.events.length === 3, 'three events');
    expect(heard.seen.events[2]).toEqual({ type: 'version', principal: 'user:1', version: 2 });
    expect(await new RedisRevocationBackend(shared).deniedTokens(now)).toEqual([
      { jti: 'live', until: now + 600 },
    ]);

    // Someone else writing garbage on the channel changes nothing.
    await client.publish(
      `${prefix}revocations`,
      '{"type":"version","principal":"user:1","version":"∞"}',
    );
    await a.publish({ type: 'sessions', ids: ['s1'], until: now + 600 });
    await until(() => heard.seen.events.length === 4, 'the fourth event');
    expect(heard.seen.events[3]).toMatchObject({ type: 'sessions' });
    await Promise.all([a.close(), b.close()]);
  });

  it('goes stale when its subscription drops, and resynchronises once subscribed again', async () => {
    const backend = new RedisRevocationBackend(shared);
    const heard = recorder();
    await backend.listen(heard.listener);

    const list = await client.client('LIST');
    const subscriber = String(list)
      .split('\n')
      .find(
        (line) =>
          line.includes(`name=${connectionName}`) &&
          / cmd=(subscribe|ping)/.test(line) &&
          / sub=1 /.test(line),
      );
    const id = /\bid=(\d+)/.exec(subscriber ?? '')?.[1];
    expect(id).toBeDefined();
    await client.client('KILL', 'ID', id!);

    await until(() => heard.seen.stale > 0, 'staleness');
    await until(() => heard.seen.resync > 0, 'a resync');
    await new RedisRevocationBackend(shared).publish({
      type: 'token',
      jti: 'after-reconnect',
      until: 2_000_000_000,
    });
    await until(
      () => heard.seen.events.some((e) => e.type === 'token' && e.jti === 'after-reconnect'),
      'the event after reconnecting',
    );
    await backend.close();
  });
});
