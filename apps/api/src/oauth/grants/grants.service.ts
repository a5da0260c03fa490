import { Inject, Injectable } from '@nestjs/common';
import type { OAuthGrantView, Permission } from '@authlab/shared';
import { SessionsService } from '../../auth/sessions/sessions.service.js';
import { CLOCK, type Clock } from '../../clock/clock.js';
import { ApiException } from '../../common/errors/api-exception.js';
import { GrantsRepository } from './grants.repository.js';

/** What each user has let each application do, and taking it back. */
@Injectable()
export class GrantsService {
  constructor(
    private readonly grants: GrantsRepository,
    private readonly sessions: SessionsService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Whether the user already granted this application everything in `scope` (consent is remembered). */
  async covers(userId: number, clientId: string, scope: readonly Permission[]): Promise<boolean> {
    const granted = await this.grants.find(userId, clientId);
    return granted !== undefined && scope.every((permission) => granted.includes(permission));
  }

  remember(userId: number, clientId: string, scope: readonly Permission[]): Promise<void> {
    return this.grants.remember(
      userId,
      clientId,
      scope,
      new Date(this.clock.nowMs()).toISOString(),
    );
  }

  list(userId: number): Promise<OAuthGrantView[]> {
    return this.grants.listForUser(userId);
  }

  /**
   * Takes a grant back: the application's refresh tokens and access tokens for this user stop
   * working at once (their sessions end, which the revocation view hears of immediately).
   */
  async revoke(userId: number, clientId: string): Promise<void> {
    const forgotten = await this.grants.forget(userId, clientId);
    await this.sessions.endForClient(clientId, userId);
    if (!forgotten) throw new ApiException(404, 'You have not granted that application access.');
  }
}
