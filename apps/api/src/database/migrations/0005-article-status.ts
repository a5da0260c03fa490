import { sql, type Kysely, type Migration } from 'kysely';
import { ARTICLE_STATUSES } from '@authlab/shared';

/**
 * Articles gain a status: a draft is seen only by its author and by editors (article-policy.ts
 * in @authlab/shared). Existing articles stay published. Text with a check works the same on
 * SQLite and PostgreSQL.
 */
export function articleStatus(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const statuses = sql.join(ARTICLE_STATUSES.map((status) => sql.lit(status)));
      await db.schema
        .alterTable('articles')
        .addColumn('status', 'text', (col) =>
          col
            .notNull()
            .defaultTo('published')
            .check(sql`status in (${statuses})`),
        )
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.alterTable('articles').dropColumn('status').execute();
    },
  };
}
