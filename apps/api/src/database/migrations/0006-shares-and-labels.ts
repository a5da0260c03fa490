import { sql, type Kysely, type Migration } from 'kysely';
import { SENSITIVITY_LABELS } from '@authlab/shared';

/**
 * Access-control models beyond roles. MAC: articles gain a sensitivity label and users a
 * clearance, both public to begin with. DAC: article_shares holds the grants an author makes to
 * named users; they go with the article or the user. Text with a check works the same on SQLite
 * and PostgreSQL.
 */
export function sharesAndLabels(): Migration {
  return {
    async up(db: Kysely<unknown>) {
      const labels = sql.join(SENSITIVITY_LABELS.map((label) => sql.lit(label)));
      await db.schema
        .alterTable('articles')
        .addColumn('label', 'text', (col) =>
          col
            .notNull()
            .defaultTo('public')
            .check(sql`label in (${labels})`),
        )
        .execute();
      await db.schema
        .alterTable('users')
        .addColumn('clearance', 'text', (col) =>
          col
            .notNull()
            .defaultTo('public')
            .check(sql`clearance in (${labels})`),
        )
        .execute();
      await db.schema
        .createTable('article_shares')
        .addColumn('article_id', 'integer', (col) =>
          col.notNull().references('articles.id').onDelete('cascade'),
        )
        .addColumn('user_id', 'integer', (col) =>
          col.notNull().references('users.id').onDelete('cascade'),
        )
        .addColumn('created_at', 'text', (col) => col.notNull())
        .addPrimaryKeyConstraint('article_shares_pk', ['article_id', 'user_id'])
        .execute();
    },
    async down(db: Kysely<unknown>) {
      await db.schema.dropTable('article_shares').execute();
      await db.schema.alterTable('users').dropColumn('clearance').execute();
      await db.schema.alterTable('articles').dropColumn('label').execute();
    },
  };
}
