import { Module } from '@nestjs/common';
import { SHARED_REDIS, type SharedRedis } from '../../redis/shared-redis.js';
import { LocalRevocationBackend } from './local-revocation.backend.js';
import { RedisRevocationBackend } from './redis-revocation.backend.js';
import { REVOCATION_BACKEND, type RevocationBackend } from './revocation-backend.js';
import { RevocationRepository } from './revocation.repository.js';
import { RevocationService } from './revocation.service.js';

/** Token revocation: sign-out, ended sessions and token versions, shared through Redis when configured. */
@Module({
  providers: [
    {
      provide: REVOCATION_BACKEND,
      inject: [SHARED_REDIS],
      useFactory: (redis: SharedRedis | null): RevocationBackend =>
        redis ? new RedisRevocationBackend(redis) : new LocalRevocationBackend(),
    },
    RevocationRepository,
    RevocationService,
  ],
  exports: [RevocationService],
})
export class RevocationModule {}
