import { Inject, Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import {
  REFRESH_TOKEN_PATTERN,
  TRACE_FACTS,
  type Permission,
  type RefreshOutcome,
  type SessionEndCause,
} from '@authlab/shared';
import { CLOCK, type Clock } from '../../clock/clock.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import type { DatabaseSchema } from '../../database/database.types.js';
import { currentTrace } from '../../trace/trace-context.js';
import { tokenFingerprint } from '../../trace/token-fingerprint.js';
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
  /** The application the session was issued to, and its scope; both null for a user's own sign-in. */
  clientId: string | null;
  scope: string | null;
}

/** A session issued to an application acting for the user (authorization code grant). */
export interface Delegation {
  clientId: string;
  scope: readonly Permission[];
}

/** Why a family was ended, as stored; the trace names the cause a lesson asks about. */
export const SESSION_END_REASONS = {
  replay: 'refresh token replayed',
  signOut: 'signed out',
  codeReplay: 'authorization code replayed',
  grantRevoked: 'grant revoked',
} as const;

function endCause(reason: string | null): SessionEndCause {
  if (reason === SESSION_END_REASONS.replay) return 'replay';
  return reason === SESSION_END_REASONS.signOut ? 'sign-out' : 'other';
}

/** Notes what a refresh did for the trace: the outcome, and the family by fingerprint (never its id). */
function noteRefresh(
  outcome: RefreshOutcome,
  familyId?: string,
  extra: Record<string, string | boolean> = {},
): void {
  currentTrace()?.noteHandlerFacts({
    [TRACE_FACTS.refreshOutcome]: outcome,
    ...(familyId === undefined ? {} : { [TRACE_FACTS.sessionFamily]: tokenFingerprint(familyId) }),
    ...extra,
  });
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

  /**
   * Starts a session for `userId` if `confirm` — run in the session's own transaction, before
   * anything is written — still vouches for the credentials the caller checked, and returns what
   * it confirmed. Undefined when it no longer does: a password changed meanwhile must not leave a
   * session of the old one behind (OWASP ASVS V3.3; a time-of-check/time-of-use race, CWE-367).
   */
  async start<T>(
    userId: number,
    confirm: (trx: Transaction<DatabaseSchema>, sessionId: string) => Promise<T | undefined>,
    delegation?: Delegation,
  ): Promise<{ session: OpenSession; confirmed: T } | undefined> {
    const now = this.clock.nowMs();
    const lifetime = this.config.sessions.refreshTokenTtlSeconds;
    // On the real clock, never ahead of it: a session ended by age may be forgotten only once
    // every access token it issued has expired whatever the API's clock says (see RevocationService).
    const cutoff = new Date(Date.now() - this.config.jwt.accessTokenTtlSeconds * 1000);
    await this.sessions.deleteExpired(userId, cutoff.toISOString());

    const sessionId = newSessionId();
    const refreshToken = newRefreshToken();
    const createdAt = new Date(now).toISOString();
    const confirmed = await this.sessions.transaction(async (trx) => {
      const still = await confirm(trx, sessionId);
      if (still === undefined) return undefined;
      const expiresAt = new Date(now + lifetime * 1000).toISOString();
      await this.sessions.createFamily(trx, {
        id: sessionId,
        userId,
        createdAt,
        expiresAt,
        ...(delegation && {
          clientId: delegation.clientId,
          scope: delegation.scope.join(' '),
        }),
      });
      await this.sessions.insertToken(trx, {
        tokenHash: hashRefreshToken(refreshToken),
        familyId: sessionId,
        createdAt,
      });
      return { value: still };
    });
    if (!confirmed) return undefined;
    return {
      session: { sessionId, refreshToken, refreshExpiresIn: lifetime },
      confirmed: confirmed.value,
    };
  }

  /**
   * Uses up `refreshToken` and returns its successor. `beforeUse` runs once the session is
   * known and before anything changes (the CSRF check of a cookie refresh needs the session).
   * `clientId` is the application presenting it, null for a user's own refresh: a refresh token
   * is bound to the client it was issued to (RFC 6749 §6), so an application's token never
   * opens a full session of the user, nor one user session another application's.
   */
  async rotate(
    refreshToken: string,
    beforeUse: (sessionId: string) => void = () => {},
    clientId: string | null = null,
  ): Promise<RotatedSession> {
    // Anything that is not shaped like our tokens is not looked up at all.
    if (!REFRESH_TOKEN_PATTERN.test(refreshToken)) {
      noteRefresh('unknown');
      throw invalidGrant('The refresh token is not valid.');
    }
    const tokenHash = hashRefreshToken(refreshToken);
    const stored = await this.sessions.findToken(tokenHash);
    if (!stored || stored.clientId !== clientId) {
      noteRefresh('unknown');
      throw invalidGrant('The refresh token is not valid.');
    }
    beforeUse(stored.familyId);

    const now = this.clock.nowMs();
    const nowIso = new Date(now).toISOString();
    if (stored.revokedAt !== null) {
      noteRefresh('session-ended', stored.familyId, {
        [TRACE_FACTS.sessionEndedBy]: endCause(stored.revokedReason),
        [TRACE_FACTS.refreshTokenUsedBefore]: stored.usedAt !== null,
      });
      throw invalidGrant('The session of this refresh token has ended; sign in again.');
    }
    if (stored.expiresAt <= nowIso) {
      noteRefresh('session-expired', stored.familyId);
      throw invalidGrant('The session has reached its absolute lifetime; sign in again.');
    }

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
      const revoked = await this.end(stored.familyId, SESSION_END_REASONS.replay);
      noteRefresh('replayed', stored.familyId, { [TRACE_FACTS.familyRevoked]: revoked });
      throw invalidGrant(
        'This refresh token was already used, so it may have been stolen: its session is now ended. Sign in again.',
      );
    }
    noteRefresh('rotated', stored.familyId);
    return {
      userId: stored.userId,
      clientId: stored.clientId,
      scope: stored.scope,
      sessionId: stored.familyId,
      refreshToken: successor,
      refreshExpiresIn: secondsUntil(stored.expiresAt, now),
    };
  }

  /**
   * RFC 7009 for a refresh token: ends its session if it was issued to `clientId`. A token of
   * another client, or none at all, changes nothing (and the caller is not told which).
   */
  async endByRefreshToken(refreshToken: string, clientId: string): Promise<void> {
    if (!REFRESH_TOKEN_PATTERN.test(refreshToken)) return;
    const stored = await this.sessions.findToken(hashRefreshToken(refreshToken));
    if (stored?.clientId === clientId) await this.end(stored.familyId, SESSION_END_REASONS.signOut);
  }

  /**
   * Ends every session an application holds — for one user (their grant was revoked) or for all
   * (the application was revoked): refresh tokens and access tokens stop working at once.
   */
  async endForClient(clientId: string, userId?: number): Promise<void> {
    const ended = await this.sessions.revokeAllForClient(
      clientId,
      userId,
      SESSION_END_REASONS.grantRevoked,
      this.endedAt(),
    );
    await this.revocation.endSessions(ended);
  }

  /**
   * Ends one session: its refresh tokens stop working, and so do the access tokens it issued.
   * False when it had already ended.
   */
  async end(sessionId: string, reason: string): Promise<boolean> {
    if (!(await this.sessions.revokeFamily(sessionId, reason, this.endedAt()))) return false;
    await this.revocation.endSessions([sessionId]);
    return true;
  }

  /**
   * Makes `change` to the user's credentials (a new password, a raised token version) and ends
   * every session of theirs in one transaction. A sign-in with the old credentials either
   * started its session before (it is ended here) or finds them changed (see start); one with
   * the new credentials can only begin after the commit, so it is never ended by mistake.
   * Undefined, and nothing ended, when `change` finds no user.
   */
  async endAllWith<T>(
    userId: number,
    reason: string,
    change: (trx: Transaction<DatabaseSchema>) => Promise<T | undefined>,
  ): Promise<T | undefined> {
    const outcome = await this.sessions.transaction(async (trx) => {
      const changed = await change(trx);
      if (changed === undefined) return undefined;
      const ended = await this.sessions.revokeAllForUser(userId, reason, this.endedAt(), trx);
      return { changed, ended };
    });
    if (!outcome) return undefined;
    await this.revocation.endSessions(outcome.ended);
    return outcome.changed;
  }

  /**
   * On the API's clock, which is never behind the real one: the tokens a session issued carry
   * times from that clock, and the revocation state reloads ended sessions by this time.
   */
  private endedAt(): string {
    return new Date(this.clock.nowMs()).toISOString();
  }
}
