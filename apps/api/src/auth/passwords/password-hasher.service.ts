import { availableParallelism } from 'node:os';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import argon2 from 'argon2';
import { ConcurrencyLimit } from './concurrency-limit.js';

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

/** Hashes at once: one core is left to the event loop (bench/: a sign-in surge starved it on one core). */
const MAX_CONCURRENT_HASHES = Math.max(1, availableParallelism() - 1);

@Injectable()
export class PasswordHasher implements OnModuleInit {
  private dummyHash = '';
  private readonly slots = new ConcurrencyLimit(MAX_CONCURRENT_HASHES);

  async onModuleInit(): Promise<void> {
    // Verified against when a username does not exist, so that answer takes as long as a wrong password.
    this.dummyHash = await this.hash('authlab timing equaliser');
  }

  hash(password: string): Promise<string> {
    return this.slots.run(() => argon2.hash(password, ARGON2_OPTIONS));
  }

  verify(hash: string, password: string): Promise<boolean> {
    return this.slots.run(() => argon2.verify(hash, password));
  }

  /** Spends the same work as verify() for an account that does not exist; always false. */
  async verifyAgainstNothing(password: string): Promise<false> {
    await this.verify(this.dummyHash, password);
    return false;
  }
}
