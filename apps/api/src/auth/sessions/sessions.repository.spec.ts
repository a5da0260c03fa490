import SQLite from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, type CompiledQuery } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DatabaseSchema } from '../../database/database.types.js';
import { migrateToLatest } from '../../database/migrate.js';
import { SessionsRepository } from './sessions.repository.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

describe('SessionsRepository.deleteExpired (runs at every sign-in)', () => {
  let sqlite: SQLite.Database;
  let db: Kysely<DatabaseSchema>;
  let sessions: SessionsRepository;
  let executed: CompiledQuery[];
  const now = Date.parse('2026-11-27T12:00:00Z');

  beforeEach(async () => {
    sqlite = new SQLite(':memory:');
    sqlite.pragma('foreign_keys = ON');
    executed = [];
    db = new Kysely<DatabaseSchema>({
      dialect: new SqliteDialect({ database: sqlite }),
      plugins: [new CamelCasePlugin()],
      log: (event) => {
        executed.push(event.query);
      },
    });
    await migrateToLatest(db, 'sqlite');
    sessions = new SessionsRepository(db);
    for (const username of ['ada', 'bob']) {
      await db
        .insertInto('users')
        .values({ username, passwordHash: 'x', role: 'user', createdAt: iso(now) })
        .execute();
    }
  });
  afterEach(() => db.destroy());

  async function openSession(id: string, userId: number, expiresAt: number): Promise<void> {
    await sessions.transaction(async (trx) => {
      await sessions.createFamily(trx, {
        id,
        userId,
        createdAt: iso(expiresAt - 7 * DAY_MS),
        expiresAt: iso(expiresAt),
      });
      await sessions.insertToken(trx, {
        tokenHash: `hash-of-${id}`,
        familyId: id,
        createdAt: iso(expiresAt - 7 * DAY_MS),
      });
    });
  }

  it("forgets only that user's sessions that ended before the cutoff, with their refresh tokens", async () => {
    await openSession('ada-old', 1, now - 2 * DAY_MS);
    await openSession('ada-open', 1, now + DAY_MS);
    await openSession('bob-old', 2, now - 2 * DAY_MS);

    await sessions.deleteExpired(1, iso(now - DAY_MS));

    const families = await db.selectFrom('refreshFamilies').select('id').orderBy('id').execute();
    expect(families.map((family) => family.id)).toEqual(['ada-open', 'bob-old']);
    const tokens = await db
      .selectFrom('refreshTokens')
      .select('familyId')
      .orderBy('familyId')
      .execute();
    expect(tokens.map((token) => token.familyId)).toEqual(['ada-open', 'bob-old']);
  });

  it('finds those sessions through an index on both columns, not by reading every session of the user', async () => {
    executed = [];
    await sessions.deleteExpired(1, iso(now));
    const [query] = executed;
    expect(query).toBeDefined();

    const plan = sqlite
      .prepare(`explain query plan ${query!.sql}`)
      .all(...(query!.parameters as unknown[]))
      .map((row) => (row as { detail: string }).detail);
    expect(plan[0]).toMatch(
      /^SEARCH refresh_families USING (COVERING )?INDEX refresh_families_user_id_expires_at \(user_id=\? AND expires_at<\?\)$/,
    );
    // The rest is the cascade to the deleted sessions' refresh tokens, by their own index.
    expect(plan.filter((step) => step.startsWith('SCAN'))).toEqual([]);
  });
});
