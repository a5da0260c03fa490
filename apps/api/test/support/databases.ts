import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { AppConfig } from '../../src/config/app-config.js';

/** The server the PostgreSQL runs use; every test app gets a database of its own on it. */
const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  database: AppConfig['database'];
  drop(): Promise<void>;
}

export interface DatabaseBackend {
  name: 'sqlite' | 'postgres';
  /** Why this backend is skipped here, or undefined when it runs. */
  skipReason?: string;
  create(): Promise<TestDatabase>;
}

async function withAdminClient<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function postgresSkipReason(): Promise<string | undefined> {
  try {
    await withAdminClient((client) => client.query('select 1'));
    return undefined;
  } catch (error) {
    const reason = `PostgreSQL is not reachable at ${POSTGRES_URL} (${(error as Error).message})`;
    // In CI the PostgreSQL runs are part of the contract: fail instead of skipping.
    if (process.env.CI === 'true')
      throw new Error(`${reason}; it is required when CI=true`, { cause: error });
    return reason;
  }
}

/**
 * pg's Pool.end() resolves before its sockets have closed. Dropping `with (force)` at once would
 * kill those closing connections, and the pg client would report that as an unhandled error; so
 * wait for them to go first, and force only as a last resort.
 */
async function dropDatabase(name: string): Promise<void> {
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      await withAdminClient((client) => client.query(`drop database if exists ${name}`));
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== '55006') throw error; // object_in_use: still connected
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  await withAdminClient((client) => client.query(`drop database if exists ${name} with (force)`));
}

const sqlite: DatabaseBackend = {
  name: 'sqlite',
  create: () =>
    Promise.resolve({
      database: { kind: 'sqlite', file: ':memory:' },
      drop: () => Promise.resolve(),
    }),
};

function postgres(skipReason: string | undefined): DatabaseBackend {
  return {
    name: 'postgres',
    skipReason,
    async create() {
      const name = `authlab_test_${process.pid}_${randomBytes(4).toString('hex')}`;
      await withAdminClient((client) => client.query(`create database ${name}`));
      const url = new URL(POSTGRES_URL);
      url.pathname = `/${name}`;
      return {
        database: { kind: 'postgres', url: url.toString() },
        drop: () => dropDatabase(name),
      };
    },
  };
}

/** SQLite always; PostgreSQL when reachable (required under CI=true). Prints why a backend is skipped. */
export async function databaseBackends(): Promise<DatabaseBackend[]> {
  const reason = await postgresSkipReason();
  if (reason) console.warn(`[skip] PostgreSQL end-to-end runs skipped: ${reason}`);
  return [sqlite, postgres(reason)];
}
