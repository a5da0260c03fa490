import { Inject, Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import {
  DATABASE,
  type Database,
  type DatabaseSchema,
  type OAuthCodesTable,
} from '../../database/database.types.js';

export type StoredCode = OAuthCodesTable;

/** The only place that reads or writes oauth_codes. Codes are stored as SHA-256 hashes. */
@Injectable()
export class AuthorizationCodesRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async insert(
    code: Omit<StoredCode, 'usedAt' | 'familyId'>,
    expiredBefore: string,
  ): Promise<void> {
    // Expired codes are of no use to anyone: forgotten as new ones are made.
    await this.db.deleteFrom('oauthCodes').where('expiresAt', '<', expiredBefore).execute();
    await this.db.insertInto('oauthCodes').values(code).execute();
  }

  find(codeHash: string): Promise<StoredCode | undefined> {
    return this.db
      .selectFrom('oauthCodes')
      .selectAll()
      .where('codeHash', '=', codeHash)
      .executeTakeFirst();
  }

  /**
   * Uses the code up, once: a conditional UPDATE that only one of two concurrent exchanges can
   * win (PostgreSQL re-checks the WHERE after the row lock; SQLite writes one at a time). The
   * session it starts is recorded with it, so a replay can end that session.
   */
  async markUsed(
    trx: Transaction<DatabaseSchema>,
    codeHash: string,
    familyId: string,
    now: string,
  ): Promise<boolean> {
    const result = await trx
      .updateTable('oauthCodes')
      .set({ usedAt: now, familyId })
      .where('codeHash', '=', codeHash)
      .where('usedAt', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}
