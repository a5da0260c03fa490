import { Inject, Injectable } from '@nestjs/common';
import { DATABASE, type Database } from '../../database/database.types.js';

/** The durable revocation facts an instance reloads when it starts or resynchronises. */
@Injectable()
export class RevocationRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /** Sessions ended at or after `since`: their access tokens may still be unexpired. */
  sessionsEndedSince(since: Date): Promise<Array<{ id: string; revokedAt: string }>> {
    return this.db
      .selectFrom('refreshFamilies')
      .select(['id', 'revokedAt as revokedAt'])
      .where('revokedAt', '>=', since.toISOString())
      .execute() as Promise<Array<{ id: string; revokedAt: string }>>;
  }

  /** Every principal whose token version was ever raised; the others are at version 0. */
  async raisedVersions(): Promise<Array<{ principal: string; version: number }>> {
    const [users, clients] = await Promise.all([
      this.db
        .selectFrom('users')
        .select(['id', 'tokenVersion'])
        .where('tokenVersion', '>', 0)
        .execute(),
      this.db
        .selectFrom('apiClients')
        .select(['id', 'tokenVersion'])
        .where('tokenVersion', '>', 0)
        .execute(),
    ]);
    return [
      ...users.map((user) => ({ principal: `user:${user.id}`, version: user.tokenVersion })),
      ...clients.map((client) => ({
        principal: `client:${client.id}`,
        version: client.tokenVersion,
      })),
    ];
  }
}
