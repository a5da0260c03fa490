import { sql, type Kysely, type Migration } from 'kysely';
import { ROLES } from '@authlab/shared';
import type { DatabaseKind } from '../database.types.js';

/** Users and articles. Ids are integers so lesson URLs stay short: /api/articles/3. */
export function usersAndArticles(kind: DatabaseKind): Migration {
  // Each engine spells an auto-increment key its own way.
  const idColumn = (table: ReturnType<Kysely<unknown>['schema']['createTable']>) =>
    kind === 'postgres'
      ? table.addColumn('id', 'integer', (col) => col.primaryKey().generatedByDefaultAsIdentity())
      : table.addColumn('id', 'integer', (col) => col.primaryKey().autoIncrement());

  return {
    async up(db: Kysely<unknown>) {
      const roleList = sql.join(ROLES.map((role) => sql.lit(role)));
      await idColumn(db.schema.createTable('users'))
        .addColumn('username', 'text', (col) => col.notNull().unique())
        .addColumn('password_hash', 'text', (col) => col.notNull())
        .addColumn('role', 'text', (col) => col.notNull().check(sql`role in (${roleList})`))
        .addColumn('created_at', 'text', (col) => col.notNull())
        .execute();

      await idColumn(db.schema.createTable('articles'))
        .addColumn('title', 'text', (col) => col.notNull())
        .addColumn('body', 'text', (col) => col.notNull())
        .addColumn('author_id', 'integer', (col) =>
          col.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addColumn('updated_at', 'text', (col) => col.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('articles').execute();
      await db.schema.dropTable('users').execute();
    },
  };
}
