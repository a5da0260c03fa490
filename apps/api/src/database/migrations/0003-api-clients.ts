import type { Kysely, Migration } from 'kysely';

/** Machine clients registered by admins. The secret is stored only as a SHA-256 hash. */
export function apiClients(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('api_clients')
        .addColumn('id', 'text', (col) => col.primaryKey())
        .addColumn('name', 'text', (col) => col.notNull())
        .addColumn('secret_hash', 'text', (col) => col.notNull())
        // Space-separated permissions, as the token's `scope` claim spells them.
        .addColumn('scope', 'text', (col) => col.notNull())
        .addColumn('created_by', 'integer', (col) =>
          col.references('users.id').onDelete('set null'),
        )
        .addColumn('created_at', 'text', (col) => col.notNull())
        // Revoked clients are kept, so their id is never reused and the revocation can be audited.
        .addColumn('revoked_at', 'text')
        .addColumn('token_version', 'integer', (col) => col.notNull().defaultTo(0))
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('api_clients').execute();
    },
  };
}
