import { Migrator, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseKind } from './database.types.js';
import { usersAndArticles } from './migrations/0001-users-and-articles.js';
import { sessionsAndTokenVersions } from './migrations/0002-sessions-and-token-versions.js';
import { apiClients } from './migrations/0003-api-clients.js';
import { sessionExpiryIndex } from './migrations/0004-session-expiry-index.js';
import { articleStatus } from './migrations/0005-article-status.js';
import { sharesAndLabels } from './migrations/0006-shares-and-labels.js';
import { oauthAuthorizationServer } from './migrations/0007-oauth-authorization-server.js';

/** Migrations listed in code, in order; names sort as they must run. */
function migrationsFor(kind: DatabaseKind): Record<string, Migration> {
  return {
    '0001-users-and-articles': usersAndArticles(kind),
    '0002-sessions-and-token-versions': sessionsAndTokenVersions(),
    '0003-api-clients': apiClients(),
    '0004-session-expiry-index': sessionExpiryIndex(),
    '0005-article-status': articleStatus(),
    '0006-shares-and-labels': sharesAndLabels(),
    '0007-oauth-authorization-server': oauthAuthorizationServer(),
  };
}

/** Brings the schema up to date; safe to run at every start and from several processes. */
// Migrations must not depend on today's table types, so they see the database untyped (Kysely's advice).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function migrateToLatest(db: Kysely<any>, kind: DatabaseKind): Promise<void> {
  const provider: MigrationProvider = { getMigrations: () => Promise.resolve(migrationsFor(kind)) };
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}
