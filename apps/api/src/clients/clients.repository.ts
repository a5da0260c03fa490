import { Inject, Injectable } from '@nestjs/common';
import { isPermission, type ApiClientView, type Permission } from '@authlab/shared';
import { DATABASE, type Database } from '../database/database.types.js';

export interface ApiClientRecord extends ApiClientView {
  secretHash: string;
  tokenVersion: number;
}

/** The stored scope is space-separated, as the token's `scope` claim; unknown words are dropped. */
function parseScope(scope: string): Permission[] {
  return scope.split(' ').filter(isPermission);
}

function toRecord(row: {
  id: string;
  name: string;
  secretHash: string;
  scope: string;
  createdAt: string;
  revokedAt: string | null;
  tokenVersion: number;
}): ApiClientRecord {
  return {
    clientId: row.id,
    name: row.name,
    scope: parseScope(row.scope),
    createdAt: row.createdAt,
    revokedAt: row.revokedAt,
    secretHash: row.secretHash,
    tokenVersion: row.tokenVersion,
  };
}

/** The only place that reads or writes the api_clients table. */
@Injectable()
export class ClientsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async insert(client: {
    id: string;
    name: string;
    secretHash: string;
    scope: readonly Permission[];
    createdBy: number;
  }): Promise<ApiClientRecord> {
    const row = await this.db
      .insertInto('apiClients')
      .values({ ...client, scope: client.scope.join(' '), createdAt: new Date().toISOString() })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRecord(row);
  }

  async findById(id: string): Promise<ApiClientRecord | undefined> {
    const row = await this.db
      .selectFrom('apiClients')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirst();
    return row && toRecord(row);
  }

  async list(): Promise<ApiClientRecord[]> {
    const rows = await this.db
      .selectFrom('apiClients')
      .selectAll()
      .orderBy('createdAt')
      .orderBy('id')
      .execute();
    return rows.map(toRecord);
  }

  /** Revokes a client and raises its token version in one statement; undefined when it was not active. */
  async revoke(id: string): Promise<number | undefined> {
    const row = await this.db
      .updateTable('apiClients')
      .set((eb) => ({
        revokedAt: new Date().toISOString(),
        tokenVersion: eb('tokenVersion', '+', 1),
      }))
      .where('id', '=', id)
      .where('revokedAt', 'is', null)
      .returning('tokenVersion')
      .executeTakeFirst();
    return row?.tokenVersion;
  }
}
