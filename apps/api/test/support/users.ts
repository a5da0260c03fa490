import { ROLES, type Role } from '@authlab/shared';
import { sql } from 'kysely';
import { PasswordHasher } from '../../src/auth/sign-in/passwords/password-hasher.service.js';
import { DATABASE, type Database } from '../../src/database/database.types.js';
import type { TestApp } from './test-app.js';

export const PASSWORD = 'correct horse battery';

export interface SignedInUser {
  id: number;
  username: string;
  role: Role;
  token: string;
}

/** Creates one account per role directly in the database, then signs each in over HTTP. */
export async function signInOneOfEachRole(testApp: TestApp): Promise<Record<Role, SignedInUser>> {
  const db = testApp.app.get<Database>(DATABASE);
  const passwordHash = await testApp.app.get(PasswordHasher).hash(PASSWORD);
  const entries = await Promise.all(
    ROLES.map(async (role) => {
      const username = `${role}-${Math.random().toString(36).slice(2, 8)}`;
      await db
        .insertInto('users')
        .values({ username, passwordHash, role, createdAt: new Date().toISOString() })
        .execute();
      const response = await testApp.http
        .post('/api/auth/signin')
        .send({ username, password: PASSWORD })
        .expect(200);
      const body = response.body as { user: { id: number }; accessToken: string };
      return [role, { id: body.user.id, username, role, token: body.accessToken }] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<Role, SignedInUser>;
}

export async function countRows(testApp: TestApp, table: 'users' | 'articles'): Promise<number> {
  const db = testApp.app.get<Database>(DATABASE);
  const row = await db
    .selectFrom(table)
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
