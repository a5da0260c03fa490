import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** Distinct SQL texts kept compiled; the API has a few dozen, so this bound is never the limit in practice. */
const DEFAULT_CAPACITY = 256;

/**
 * Kysely's SQLite driver calls `prepare(sql)` for every query it runs, and better-sqlite3 then
 * parses and plans the SQL again each time (bench/: 10–15 µs a query, more than running it).
 * This keeps each prepared statement by its SQL text and hands it out again. Parameters are bound
 * at run time, so one statement serves every value; SQLite re-plans a statement on its own when
 * the schema changes.
 */
export function withStatementCache(
  sqlite: SQLite.Database,
  capacity = DEFAULT_CAPACITY,
): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string): SqliteStatement {
      const cached = statements.get(sql);
      // A statement still stepping through a streamed result cannot start another run.
      if (cached && !cached.busy) {
        // Most recently used last, so the first key is the one to drop when full.
        statements.delete(sql);
        statements.set(sql, cached);
        return cached;
      }
      const statement = sqlite.prepare(sql);
      if (!cached) {
        if (statements.size >= capacity) statements.delete(statements.keys().next().value!);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}
