import type { Kysely, Migration } from 'kysely';

/**
 * The authorization server: applications that act for users, the grants users gave them, and
 * authorization codes. A session (refresh family) issued to an application names it and the scope
 * it holds, so the application's tokens can be ended with its grant.
 */
export function oauthAuthorizationServer(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('oauth_clients')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('type', 'text', (col) => col.notNull())
        // Null for public clients, which have no secret; else the secret's SHA-256.
        .addColumn('secret_hash', 'text')
        // JSON array, compared character for character (RFC 9700 §4.1.3: exact matching).
        .addColumn('redirect_uris', 'text', (col) => col.notNull())
        .addColumn('scope', 'text', (col) => col.notNull())
        .addColumn('created_by', 'integer', (col) =>
          col.references('users.id').onDelete('set null'),
        )
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('revoked_at', 'text')
        .execute();

      await db.schema
        .createTable('oauth_grants')
        .addColumn('user_id', 'integer', (col) =>
          col.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('client_id', 'text', (col) =>
          col.notNull().references('oauth_clients.id').onDelete('cascade'),
        )
        .addColumn('scope', 'text', (col) => col.notNull())
        .addColumn('granted_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('oauth_grants_pk', ['user_id', 'client_id'])
        .execute();

      await db.schema
        .createTable('oauth_codes')
        // SHA-256 of the code: a database leak yields no usable code.
        .addColumn('code_hash', 'text', (col) => col.primaryKey())
        .addColumn('client_id', 'text', (col) =>
          col.notNull().references('oauth_clients.id').onDelete('cascade'),
        )
        .addColumn('user_id', 'integer', (col) =>
          col.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('redirect_uri', 'text', (col) => col.notNull())
        .addColumn('code_challenge', 'text', (col) => col.notNull())
        .addColumn('scope', 'text', (col) => col.notNull())
        .addColumn('expires_at', 'text', (col) => col.notNull())
        .addColumn('used_at', 'text')
        // The session its exchange started: ended if the code is ever presented again.
        .addColumn('family_id', 'text')
        .execute();

      await db.schema.alterTable('refresh_families').addColumn('client_id', 'text').execute();
      await db.schema.alterTable('refresh_families').addColumn('scope', 'text').execute();
      await db.schema
        .createIndex('refresh_families_client_id_user_id')
        .on('refresh_families')
        .columns(['client_id', 'user_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropIndex('refresh_families_client_id_user_id').execute();
      await db.schema.alterTable('refresh_families').dropColumn('scope').execute();
      await db.schema.alterTable('refresh_families').dropColumn('client_id').execute();
      await db.schema.dropTable('oauth_codes').execute();
      await db.schema.dropTable('oauth_grants').execute();
      await db.schema.dropTable('oauth_clients').execute();
    },
  };
}
