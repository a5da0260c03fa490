import { Inject, Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import { DATABASE, type Database, type DatabaseSchema } from '../../database/database.types.js';
import { preparedQuery, type PreparedQuery } from '../../database/prepared-query.js';

export interface StoredRefreshToken {
  familyId: string;
  userId: number;
  usedAt: string | null;
  expiresAt: string;
  revokedAt: string | null;
  revokedReason: string | null;
  clientId: string | null;
  scope: string | null;
}

type Executor = Database | Transaction<DatabaseSchema>;

/** The only place that reads or writes refresh families and refresh tokens. */
@Injectable()
export class SessionsRepository {
  /** Runs at every sign-in: compiled once (see preparedQuery). */
  private readonly expiredOfUser: PreparedQuery<[userId: number, cutoff: string], unknown>;

  constructor(@Inject(DATABASE) private readonly db: Database) {
    // Served by the index on (user_id, expires_at): only the rows it deletes are read (migration 0004).
    this.expiredOfUser = preparedQuery(
      db,
      (userId: number, cutoff: string) =>
        db
          .deleteFrom('refreshFamilies')
          .where('userId', '=', userId)
          .where('expiresAt', '<=', cutoff),
      [0, ''],
    );
  }

  /** Runs `work` in one transaction: either every write in it happens, or none. */
  transaction<T>(work: (trx: Transaction<DatabaseSchema>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async createFamily(
    trx: Executor,
    family: {
      id: string;
      userId: number;
      createdAt: string;
      expiresAt: string;
      clientId?: string;
      scope?: string;
    },
  ): Promise<void> {
    await trx.insertInto('refreshFamilies').values(family).execute();
  }

  async insertToken(
    trx: Executor,
    token: { tokenHash: string; familyId: string; createdAt: string },
  ): Promise<void> {
    await trx.insertInto('refreshTokens').values(token).execute();
  }

  findToken(tokenHash: string): Promise<StoredRefreshToken | undefined> {
    return this.db
      .selectFrom('refreshTokens')
      .innerJoin('refreshFamilies', 'refreshFamilies.id', 'refreshTokens.familyId')
      .select([
        'refreshTokens.familyId',
        'refreshFamilies.userId',
        'refreshTokens.usedAt',
        'refreshFamilies.expiresAt',
        'refreshFamilies.revokedAt',
        'refreshFamilies.revokedReason',
        'refreshFamilies.clientId',
        'refreshFamilies.scope',
      ])
      .where('refreshTokens.tokenHash', '=', tokenHash)
      .executeTakeFirst();
  }

  /**
   * Marks a token used if — and only if — it is unused and its session still open and unexpired,
   * in one conditional UPDATE. Of two concurrent calls, the database lets exactly one change the
   * row (PostgreSQL re-checks the WHERE after the row lock; SQLite runs writes one at a time), so
   * the affected-row count says who won. True for the winner.
   */
  async markUsed(
    trx: Executor,
    tokenHash: string,
    familyId: string,
    now: string,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('refreshTokens')
      .set({ usedAt: now })
      .where('tokenHash', '=', tokenHash)
      .where('usedAt', 'is', null)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('refreshFamilies')
            .select('refreshFamilies.id')
            .where('refreshFamilies.id', '=', familyId)
            .where('refreshFamilies.revokedAt', 'is', null)
            .where('refreshFamilies.expiresAt', '>', now),
        ),
      )
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Ends one session; false when it had already ended. */
  async revokeFamily(familyId: string, reason: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('refreshFamilies')
      .set({ revokedAt: now, revokedReason: reason })
      .where('id', '=', familyId)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }

  /** Ends every open session of a user; returns their ids. */
  async revokeAllForUser(
    userId: number,
    reason: string,
    now: string,
    executor: Executor = this.db,
  ): Promise<string[]> {
    const rows = await executor
      .updateTable('refreshFamilies')
      .set({ revokedAt: now, revokedReason: reason })
      .where('userId', '=', userId)
      .where('revokedAt', 'is', null)
      .returning('id')
      .execute();
    return rows.map((row) => row.id);
  }

  /** Ends every open session issued to an application, for one user or (userId undefined) for all; returns their ids. */
  async revokeAllForClient(
    clientId: string,
    userId: number | undefined,
    reason: string,
    now: string,
  ): Promise<string[]> {
    let query = this.db
      .updateTable('refreshFamilies')
      .set({ revokedAt: now, revokedReason: reason })
      .where('clientId', '=', clientId)
      .where('revokedAt', 'is', null);
    if (userId !== undefined) query = query.where('userId', '=', userId);
    const rows = await query.returning('id').execute();
    return rows.map((row) => row.id);
  }

  /**
   * Forgets a user's sessions that ended by age before `cutoff`. The caller picks a cutoff one
   * access-token lifetime back, so a session whose access tokens may still be alive is kept.
   */
  async deleteExpired(userId: number, cutoff: string): Promise<void> {
    await this.expiredOfUser(userId, cutoff);
  }
}
