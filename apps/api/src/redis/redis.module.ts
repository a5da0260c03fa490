import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { SHARED_REDIS, type SharedRedis } from './shared-redis.js';

async function connect(config: NonNullable<AppConfig['redis']>): Promise<SharedRedis> {
  const client = new Redis(config.url, {
    lazyConnect: true,
    // A command waits for a reconnect for a short while, then fails: a request never hangs on Redis.
    maxRetriesPerRequest: 2,
    connectTimeout: 5_000,
  });
  // Without a listener ioredis prints every connection error; the callers report what matters.
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    throw new Error(`Redis is not reachable at REDIS_URL (${(error as Error).message})`, {
      cause: error,
    });
  }
  new Logger('Redis').log('Shared state (denylist, throttling, revocation events) is in Redis.');
  return { client, key: (name) => `${config.keyPrefix}${name}` };
}

/** Connects to Redis when REDIS_URL is set, before any request is served; closes it on shutdown. */
@Global()
@Module({
  providers: [
    {
      provide: SHARED_REDIS,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Promise<SharedRedis | null> =>
        config.redis ? connect(config.redis) : Promise.resolve(null),
    },
  ],
  exports: [SHARED_REDIS],
})
export class RedisModule implements OnApplicationShutdown {
  constructor(@Inject(SHARED_REDIS) private readonly redis: SharedRedis | null) {}

  async onApplicationShutdown(): Promise<void> {
    await this.redis?.client.quit().catch(() => this.redis?.client.disconnect());
  }
}
