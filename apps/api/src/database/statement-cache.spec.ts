import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql, type Generated } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

/** Counts the real prepare() calls that reach better-sqlite3. */
function countingSqlite() {
  const sqlite = new SQLite(':memory:');
  let prepares = 0;
  const prepare = sqlite.prepare.bind(sqlite);
  sqlite.prepare = (source: string) => {
    prepares += 1;
    return prepare(source);
  };
  return { sqlite, prepares: () => prepares };
}

interface Schema {
  notes: { id: Generated<number>; noteText: string };
}

describe('withStatementCache', () => {
  let db: Kysely<Schema> | undefined;
  afterEach(async () => {
    await db?.destroy();
    db = undefined;
  });

  it('prepares each SQL text once and binds new values on every run', async () => {
    const counted = countingSqlite();
    db = new Kysely<Schema>({
      dialect: new SqliteDialect({ database: withStatementCache(counted.sqlite) }),
      plugins: [new CamelCasePlugin()],
    });
    await sql`create table notes (id integer primary key, note_text text not null)`.execute(db);
    for (const text of ['first', 'second', 'third'])
      await db.insertInto('notes').values({ noteText: text }).execute();
    const found = [];
    for (const id of [3, 1, 2, 99])
      found.push(await db.selectFrom('notes').selectAll().where('id', '=', id).executeTakeFirst());

    expect(found).toEqual([
      { id: 3, noteText: 'third' },
      { id: 1, noteText: 'first' },
      { id: 2, noteText: 'second' },
      undefined,
    ]);
    // create table, one insert text, one select text.
    expect(counted.prepares()).toBe(3);
  });

  it('drops the least recently used statement when full, and still answers correctly', async () => {
    const counted = countingSqlite();
    const cached = withStatementCache(counted.sqlite, 2);
    const value = (source: string) =>
      (cached.prepare(source).all([]) as Array<{ v: number }>)[0]!.v;

    expect([
      value('select 1 as v'),
      value('select 2 as v'),
      value('select 1 as v'),
      value('select 3 as v'),
    ]).toEqual([1, 2, 1, 3]);
    expect(counted.prepares()).toBe(3);
    // "select 2" was the least recently used when "select 3" came in: it is prepared again; "select 1" is not.
    expect([value('select 1 as v'), value('select 2 as v')]).toEqual([1, 2]);
    expect(counted.prepares()).toBe(4);
  });

  it('gives a fresh statement while the cached one is still stepping through a result', () => {
    const counted = countingSqlite();
    const cached = withStatementCache(counted.sqlite);
    counted.sqlite.exec('create table n (v integer); insert into n values (1), (2)');
    const outer = cached.prepare('select v from n order by v');
    const seen: unknown[] = [];
    for (const row of outer.iterate([]))
      seen.push(row, cached.prepare('select v from n order by v').all([]));

    expect(seen).toEqual([{ v: 1 }, [{ v: 1 }, { v: 2 }], { v: 2 }, [{ v: 1 }, { v: 2 }]]);
  });

  it('sees a column added after the statement was cached', async () => {
    const counted = countingSqlite();
    const cached = withStatementCache(counted.sqlite);
    counted.sqlite.exec('create table n (v integer); insert into n values (7)');
    expect(cached.prepare('select * from n').all([])).toEqual([{ v: 7 }]);
    counted.sqlite.exec('alter table n add column w integer default 8');
    expect(cached.prepare('select * from n').all([])).toEqual([{ v: 7, w: 8 }]);
  });
});
