import { Inject, Injectable } from '@nestjs/common';
import { ApiException } from '../../../common/errors/api-exception.js';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config.js';
import { THROTTLE_STORE, type AttemptCount, type ThrottleStore } from './throttle-store.js';

export interface SignInAttempt {
  /** The password was right: this attempt does not count against the account or the network. */
  succeeded(): Promise<void>;
  /** The password was never checked (the server was too busy): the attempt is handed back. */
  withdrawn(): Promise<void>;
}

function tooManyAttempts(counter: AttemptCount, whose: string): ApiException {
  const seconds = Math.max(1, Math.ceil(counter.resetInMs / 1000));
  return new ApiException(429, `Too many failed sign-ins ${whose}. Try again in ${seconds} s.`, {
    'Retry-After': String(seconds),
  });
}

/**
 * Limits password guessing: per account (any IP) and per client IP (any account), in fixed
 * windows. Every attempt is counted before the password is checked and handed back when it
 * succeeds, so parallel guesses cannot slip past the limit. The account key is the username
 * as typed (normalised), whether or not such an account exists: an unknown account is
 * throttled exactly like a real one, so a 429 reveals nothing.
 */
@Injectable()
export class SignInThrottle {
  private readonly limits: AppConfig['signInThrottle'];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(THROTTLE_STORE) private readonly store: ThrottleStore,
  ) {
    this.limits = config.signInThrottle;
  }

  /** Counts one attempt; throws 429 with Retry-After when the network or the account is over its limit. */
  async attempt(username: string, ip: string): Promise<SignInAttempt> {
    const windowMs = this.limits.windowSeconds * 1000;
    const ipKey = `signin:ip:${ip}`;
    const accountKey = `signin:account:${username}`;

    const byIp = await this.store.hit(ipKey, windowMs);
    if (byIp.count > this.limits.maxFailuresPerIp) throw tooManyAttempts(byIp, 'from your network');
    const byAccount = await this.store.hit(accountKey, windowMs);
    if (byAccount.count > this.limits.maxFailuresPerAccount)
      throw tooManyAttempts(byAccount, 'for this account');

    return {
      succeeded: async () => {
        await Promise.all([this.store.reset(accountKey), this.store.undo(ipKey)]);
      },
      withdrawn: async () => {
        await Promise.all([this.store.undo(accountKey), this.store.undo(ipKey)]);
      },
    };
  }
}
