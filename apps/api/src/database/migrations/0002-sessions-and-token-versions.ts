import type { Kysely, Migration } from 'kysely';

/**
 * Refresh-token sessions and per-user token versions. A session is a family of refresh tokens,
 * one used after another (RFC 9700 §4.14); only SHA-256 hashes of the tokens are stored.
 */
export function sessionsAndTokenVersions(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      // Raised on every role or password change and on sign-out-all: older tokens stop working.
      await db.schema
        .alterTable('users')
        .addColumn('token_version', 'integer', (col) => col.notNull().defaultTo(0))
        .execute();

      await db.schema
        .createTable('refresh_families')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('user_id', 'integer', (col) =>
          col.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .addColumn('revoked_at', 'text')
        .addColumn('revoked_reason', 'text')
        .execute();
      await db.schema
        .createIndex('refresh_families_user_id')
        .on('refresh_families')
        .column('user_id')
        .execute();
      await db.schema
        .createIndex('refresh_families_revoked_at')
        .on('refresh_families')
        .column('revoked_at')
        .execute();

      await db.schema
        .createTable('refresh_tokens')
        .addColumn('token_hash', 'text', (col) => col.primaryKey())
        .addColumn('family_id', 'text', (col) =>
          col.notNull().references('refresh_families.id').onDelete('cascade'),
        )
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('used_at', 'text')
        .execute();
      await db.schema
        .createIndex('refresh_tokens_family_id')
        .on('refresh_tokens')
        .column('family_id')
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('refresh_tokens').execute();
      await db.schema.dropTable('refresh_families').execute();
      await db.schema.alterTable('users').dropColumn('token_version').execute();
    },
  };
}
