import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import argon2 from 'argon2';
import { ApiException } from '../../../common/errors/api-exception.js';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config.js';
import { ConcurrencyLimit, QueueFullError } from './concurrency-limit.js';

/**
 * argon2id at OWASP's recommended minimum (m = 19 MiB, t = 2, p = 1). The argon2 package hashes
 * on libuv's thread pool, so a sign-in never blocks the event loop.
 */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** A full line clears in well under a second at ~50 ms a hash; one second is an honest wait. */
const RETRY_AFTER_SECONDS = 1;

/**
 * Hashes and verifies passwords, a few at once (PASSWORD_HASH_CONCURRENCY; by default one core
 * is left to the event loop), with a bounded line behind them (PASSWORD_HASH_QUEUE_LIMIT). When
 * the line is full the caller gets 503 with Retry-After at once rather than a place at the back.
 */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash = '';
  private readonly slots: ConcurrencyLimit;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.slots = new ConcurrencyLimit(
      config.passwordHashing.maxConcurrent,
      config.passwordHashing.maxQueued,
    );
  }

  async onModuleInit(): Promise<void> {
    // Verified against when a username does not exist, so that answer takes as long as a wrong password.
    this.dummyHash = await this.hash('authlab timing equaliser');
  }

  hash(password: string): Promise<string> {
    return this.inLine(() => argon2.hash(password, ARGON2_OPTIONS));
  }

  verify(hash: string, password: string): Promise<boolean> {
    return this.inLine(() => argon2.verify(hash, password));
  }

  /** Spends the same work as verify() for an account that does not exist; always false. */
  async verifyAgainstNothing(password: string): Promise<false> {
    await this.verify(this.dummyHash, password);
    return false;
  }

  private async inLine<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await this.slots.run(task);
    } catch (error) {
      if (!(error instanceof QueueFullError)) throw error;
      throw new ApiException(
        503,
        'Too many passwords are being checked right now. Try again in a moment.',
        { 'Retry-After': String(RETRY_AFTER_SECONDS) },
      );
    }
  }
}
