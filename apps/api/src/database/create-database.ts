import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { AppConfig } from '../config/app-config.js';
import type { DatabaseSchema } from './database.types.js';
import { withStatementCache } from './statement-cache.js';

function openSqlite(file: string): SQLite.Database {
  if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  // WAL lets readers run beside the writer; synchronous=FULL makes every acknowledged commit
  // durable even across a power cut, not only across a crashed or killed process.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return sqlite;
}

/** One query layer over both engines: embedded SQLite by default, PostgreSQL when configured. */
export function createDatabase(database: AppConfig['database']): Kysely<DatabaseSchema> {
  const dialect =
    database.kind === 'postgres'
      ? new PostgresDialect({ pool: new pg.Pool({ connectionString: database.url, max: 10 }) })
      : new SqliteDialect({ database: withStatementCache(openSqlite(database.file)) });
  return new Kysely<DatabaseSchema>({ dialect, plugins: [new CamelCasePlugin()] });
}
