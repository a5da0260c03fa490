import { Inject, Injectable } from '@nestjs/common';
import {
  isPermission,
  type OAuthClientType,
  type OAuthClientView,
  type Permission,
} from '@authlab/shared';
import { DATABASE, type Database } from '../../database/database.types.js';

export interface OAuthClientRecord extends OAuthClientView {
  secretHash: string | null;
}

function toRecord(row: {
  id: string;
  name: string;
  type: OAuthClientType;
  secretHash: string | null;
  redirectUris: string;
  scope: string;
  createdAt: string;
  revokedAt: string | null;
}): OAuthClientRecord {
  return {
    clientId: row.id,
    name: row.name,
    type: row.type,
    redirectUris: JSON.parse(row.redirectUris) as string[],
    scope: row.scope.split(' ').filter(isPermission),
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
    secretHash: row.secretHash,
  };
}

/** The only place that reads or writes the oauth_clients table. */
@Injectable()
export class OAuthClientsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async insert(client: {
    id: string;
    name: string;
    type: OAuthClientType;
    secretHash: string | null;
    redirectUris: readonly string[];
    scope: readonly Permission[];
    createdBy: number;
    createdAt: string;
  }): Promise<OAuthClientRecord> {
    const row = await this.db
      .insertInto('oauthClients')
      .values({
        ...client,
        redirectUris: JSON.stringify(client.redirectUris),
        scope: client.scope.join(' '),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async findById(id: string): Promise<OAuthClientRecord | undefined> {
    const row = await this.db
      .selectFrom('oauthClients')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async list(): Promise<OAuthClientRecord[]> {
    const rows = await this.db
      .selectFrom('oauthClients')
      .selectAll()
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  /** True when the client was active and is now revoked. */
  async revoke(id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('oauthClients')
      .set({ revokedAt: now })
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 1n;
  }
}
