import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
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

/** A redis-server of the test's own, on a free port, that the test may stop and start again. */
export interface OwnRedis {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Why no redis-server of our own can run here, or undefined. */
export function ownRedisSkipReason(): string | undefined {
  const found = spawnSync('redis-server', ['--version'], { stdio: 'ignore' });
  if (found.error === undefined && found.status === 0) return undefined;
  const reason = 'redis-server is not installed, so no Redis can be stopped under a running API';
  if (process.env.CI === 'true') throw new Error(`${reason}; it is required when CI=true`);
  console.warn(`[skip] ${reason}`);
  return reason;
}

/**
 * Starts a redis-server that keeps nothing on disk. Never the shared one: other runs use that,
 * and stopping it is what this server is for.
 */
export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async () => {
    child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    // Ready once it answers; redis-server takes a few milliseconds to listen.
    const deadline = Date.now() + 5000;
    for (;;) {
      const client = new Redis({
        port,
        host: '127.0.0.1',
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      client.on('error', () => {});
      try {
        await client.connect();
        await client.ping();
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        client.disconnect();
      }
    }
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      running.once('exit', () => resolve());
      running.kill('SIGKILL');
    });
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, start, stop };
}
