import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { preparedQuery } from './prepared-query.js';

interface NotesSchema {
  notes: { id: Generated<number>; authorName: string; noteText: string };
}

describe('preparedQuery', () => {
  let db: Kysely<NotesSchema>;
  beforeEach(async () => {
    db = new Kysely<NotesSchema>({
      dialect: new SqliteDialect({ database: new SQLite(':memory:') }),
      plugins: [new CamelCasePlugin()],
    });
    await sql`create table notes (id integer primary key, author_name text not null, note_text text not null)`.execute(
      db,
    );
    await db
      .insertInto('notes')
      .values([
        { authorName: 'ada', noteText: 'first' },
        { authorName: 'bob', noteText: 'second' },
        { authorName: 'ada', noteText: 'third' },
      ])
      .execute();
  });
  afterEach(() => db.destroy());

  it('binds new values to a query compiled once, and the plugins still camelCase the rows', async () => {
    const byAuthor = preparedQuery(
      db,
      (author: string, after: number) =>
        db
          .selectFrom('notes')
          .selectAll()
          .where('authorName', '=', author)
          .where('id', '>', after)
          .orderBy('id'),
      ['', 0],
    );

    expect(await byAuthor('ada', 0)).toEqual([
      { id: 1, authorName: 'ada', noteText: 'first' },
      { id: 3, authorName: 'ada', noteText: 'third' },
    ]);
    expect(await byAuthor('ada', 1)).toEqual([{ id: 3, authorName: 'ada', noteText: 'third' }]);
    expect(await byAuthor('bob', 0)).toEqual([{ id: 2, authorName: 'bob', noteText: 'second' }]);
    expect(await byAuthor("x' or '1'='1", 0)).toEqual([]);
  });

  it('refuses a query whose parameters are not the placeholders, once each, in order', () => {
    // The value is written into the SQL as a literal: a later call could never change it.
    expect(() =>
      preparedQuery(
        db,
        (id: number) => db.selectFrom('notes').selectAll().where('id', '=', sql.lit(id)),
        [7],
      ),
    ).toThrow(/not the placeholders/);
    // Bound in the opposite order from the placeholders.
    expect(() =>
      preparedQuery(
        db,
        (author: string, id: number) =>
          db.selectFrom('notes').selectAll().where('id', '=', id).where('authorName', '=', author),
        ['', 0],
      ),
    ).toThrow(/not the placeholders/);
  });
});
