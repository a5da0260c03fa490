import { Module } from '@nestjs/common';
import { CLOCK, type Clock } from '../../../clock/clock.js';
import { SHARED_REDIS, type SharedRedis } from '../../../redis/shared-redis.js';
import { MemoryThrottleStore } from './memory-throttle.store.js';
import { RedisThrottleStore } from './redis-throttle.store.js';
import { SignInThrottle } from './sign-in-throttle.service.js';
import { SignUpThrottle } from './sign-up-throttle.service.js';
import { THROTTLE_STORE, type ThrottleStore } from './throttle-store.js';

/** Sign-in and sign-up throttling; the counters are shared through Redis when configured. */
@Module({
  providers: [
    {
      provide: THROTTLE_STORE,
      inject: [SHARED_REDIS, CLOCK],
      // In memory the windows follow the API's clock (which demo mode can move); in Redis, Redis's own expiry.
      useFactory: (redis: SharedRedis | null, clock: Clock): ThrottleStore =>
        redis ? new RedisThrottleStore(redis) : new MemoryThrottleStore(() => clock.nowMs()),
    },
    SignInThrottle,
    SignUpThrottle,
  ],
  exports: [SignInThrottle, SignUpThrottle],
})
export class ThrottlingModule {}
