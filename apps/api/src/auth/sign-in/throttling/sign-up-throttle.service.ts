import { Inject, Injectable } from '@nestjs/common';
import { ApiException } from '../../../common/errors/api-exception.js';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config.js';
import { THROTTLE_STORE, type ThrottleStore } from './throttle-store.js';

/**
 * Limits account creation per client address, in fixed windows (OWASP API4:2023, unrestricted
 * resource consumption): every sign-up costs an argon2id hash and a row, so one address must
 * not be able to queue hundreds. Every attempt counts, successful or not, and is counted before
 * any work is done, so a parallel burst cannot slip past the limit.
 */
@Injectable()
export class SignUpThrottle {
  private readonly limits: AppConfig['signUpThrottle'];

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(THROTTLE_STORE) private readonly store: ThrottleStore,
  ) {
    this.limits = config.signUpThrottle;
  }

  /** Counts one sign-up from `ip`; throws 429 with Retry-After when the address is over its limit. */
  async attempt(ip: string): Promise<void> {
    const counter = await this.store.hit(`signup:ip:${ip}`, this.limits.windowSeconds * 1000);
    if (counter.count <= this.limits.maxPerIp) return;
    const seconds = Math.max(1, Math.ceil(counter.resetInMs / 1000));
    throw new ApiException(429, `Too many sign-ups from your network. Try again in ${seconds} s.`, {
      'Retry-After': String(seconds),
    });
  }
}
