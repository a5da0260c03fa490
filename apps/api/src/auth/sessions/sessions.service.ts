import { Inject, Injectable } from '@nestjs/common';
import { REFRESH_TOKEN_PATTERN } from '@authlab/shared';
import { CLOCK, type Clock } from '../../clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { RevocationService } from '../revocation/revocation.service.js';
import { invalidGrant } from './oauth-errors.js';
import { hashRefreshToken, newRefreshToken, newSessionId } from './refresh-token.js';
import { SessionsRepository } from './sessions.repository.js';

export interface OpenSession {
  sessionId: string;
  refreshToken: string;
  /** Seconds until the session's absolute end. */
  refreshExpiresIn: number;
}

export interface RotatedSession extends OpenSession {
  userId: number;
}

const secondsUntil = (iso: string, now: number) =>
  Math.max(0, Math.floor((Date.parse(iso) - now) / 1000));

/**
 * Sessions are refresh-token families (RFC 9700 §4.14.2): sign-in starts one, every refresh
 * swaps the presented token for a new one in the same family, and a token presented twice
 * means two parties hold it — the whole family is ended. A family ends at a fixed time set at
 * sign-in, however often it is refreshed.
 */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly sessions: SessionsRepository,
    private readonly revocation: RevocationService,
  ) {}

  async start(userId: number): Promise<OpenSession> {
    const now = this.clock.nowMs();
    const lifetime = this.config.sessions.refreshTokenTtlSeconds;
    const cutoff = new Date(now - this.config.jwt.accessTokenTtlSeconds * 1000).toISOString();
    await this.sessions.deleteExpired(userId, cutoff);

    const sessionId = newSessionId();
    const refreshToken = newRefreshToken();
    const createdAt = new Date(now).toISOString();
    await this.sessions.transaction(async (trx) => {
      const expiresAt = new Date(now + lifetime * 1000).toISOString();
      await this.sessions.createFamily(trx, { id: sessionId, userId, createdAt, expiresAt });
      await this.sessions.insertToken(trx, {
        tokenHash: hashRefreshToken(refreshToken),
        familyId: sessionId,
        createdAt,
      });
    });
    return { sessionId, refreshToken, refreshExpiresIn: lifetime };
  }

  /**
   * Uses up `refreshToken` and returns its successor. `beforeUse` runs once the session is
   * known and before anything changes (the CSRF check of a cookie refresh needs the session).
   */
  async rotate(
    refreshToken: string,
    beforeUse: (sessionId: string) => void = () => {},
  ): Promise<RotatedSession> {
    // Anything that is not shaped like our tokens is not looked up at all.
    if (!REFRESH_TOKEN_PATTERN.test(refreshToken))
      throw invalidGrant('The refresh token is not valid.');
    const tokenHash = hashRefreshToken(refreshToken);
    const stored = await this.sessions.findToken(tokenHash);
    if (!stored) throw invalidGrant('The refresh token is not valid.');
    beforeUse(stored.familyId);

    const now = this.clock.nowMs();
    const nowIso = new Date(now).toISOString();
    if (stored.revokedAt !== null)
      throw invalidGrant('The session of this refresh token has ended; sign in again.');
    if (stored.expiresAt <= nowIso)
      throw invalidGrant('The session has reached its absolute lifetime; sign in again.');

    const successor = newRefreshToken();
    const rotated = await this.sessions.transaction(async (trx) => {
      if (!(await this.sessions.markUsed(trx, tokenHash, stored.familyId, nowIso))) return false;
      await this.sessions.insertToken(trx, {
        tokenHash: hashRefreshToken(successor),
        familyId: stored.familyId,
        createdAt: nowIso,
      });
      return true;
    });
    if (!rotated) {
      // Used before (or by a concurrent request a moment ago): whoever else holds it may be a thief.
      await this.end(stored.familyId, 'refresh token replayed');
      throw invalidGrant(
        'This refresh token was already used, so it may have been stolen: its session is now ended. Sign in again.',
      );
    }
    return {
      userId: stored.userId,
      sessionId: stored.familyId,
      refreshToken: successor,
      refreshExpiresIn: secondsUntil(stored.expiresAt, now),
    };
  }

  /** Ends one session: its refresh tokens stop working, and so do the access tokens it issued. */
  async end(sessionId: string, reason: string): Promise<void> {
    if (await this.sessions.revokeFamily(sessionId, reason, new Date().toISOString())) {
      await this.revocation.endSessions([sessionId]);
    }
  }

  /** Ends every session of a user. */
  async endAll(userId: number, reason: string): Promise<void> {
    const ended = await this.sessions.revokeAllForUser(userId, reason, new Date().toISOString());
    await this.revocation.endSessions(ended);
  }
}
