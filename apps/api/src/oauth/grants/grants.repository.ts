import { Inject, Injectable } from '@nestjs/common';
import { isPermission, type OAuthGrantView, type Permission } from '@authlab/shared';
import { DATABASE, type Database } from '../../database/database.types.js';

/** The only place that reads or writes oauth_grants: the consent each user remembers giving. */
@Injectable()
export class GrantsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async find(userId: number, clientId: string): Promise<Permission[] | undefined> {
    const row = await this.db
      .selectFrom('oauthGrants')
      .select('scope')
      .where('userId', '=', userId)
      .where('clientId', '=', clientId)
      .executeTakeFirst();
    return row?.scope.split(' ').filter(isPermission);
  }

  /** Records (or widens) a grant: the scope is the union of what was granted before and now. */
  async remember(
    userId: number,
    clientId: string,
    scope: readonly Permission[],
    now: string,
  ): Promise<void> {
    const before = (await this.find(userId, clientId)) ?? [];
    const union = [...new Set([...before, ...scope])].join(' ');
    await this.db
      .insertInto('oauthGrants')
      .values({ userId, clientId, scope: union, grantedAt: now })
      .onConflict((conflict) =>
        conflict.columns(['userId', 'clientId']).doUpdateSet({ scope: union, grantedAt: now }),
      )
      .execute();
  }

  async listForUser(userId: number): Promise<OAuthGrantView[]> {
    const rows = await this.db
      .selectFrom('oauthGrants')
      .innerJoin('oauthClients', 'oauthClients.id', 'oauthGrants.clientId')
      .select([
        'oauthGrants.clientId',
        'oauthClients.name',
        'oauthGrants.scope',
        'oauthGrants.grantedAt',
      ])
      .where('oauthGrants.userId', '=', userId)
      .orderBy('oauthGrants.grantedAt')
      .orderBy('oauthGrants.clientId')
      .execute();
    return rows.map((row) => ({ ...row, scope: row.scope.split(' ').filter(isPermission) }));
  }

  /** True when there was a grant to forget. */
  async forget(userId: number, clientId: string): Promise<boolean> {
    const result = await this.db
      .deleteFrom('oauthGrants')
      .where('userId', '=', userId)
      .where('clientId', '=', clientId)
      .executeTakeFirst();
    return result.numDeletedRows === 1n;
  }
}
