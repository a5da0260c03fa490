import { randomBytes } from 'node:crypto';
import type { Role } from '@authlab/shared';
import { PasswordHasher } from '../../src/auth/sign-in/passwords/password-hasher.service.js';
import { DATABASE, type Database } from '../../src/database/database.types.js';
import { parseSetCookies } from './cookies.js';
import type { TestApp } from './test-app.js';
import { PASSWORD } from './users.js';

export interface Account {
  id: number;
  username: string;
  role: Role;
}

/** Creates an account with the test PASSWORD directly in the database. */
export async function createAccount(testApp: TestApp, role: Role = 'user'): Promise<Account> {
  const db = testApp.app.get<Database>(DATABASE);
  const username = `${role}-${randomBytes(4).toString('hex')}`;
  const passwordHash = await testApp.app.get(PasswordHasher).hash(PASSWORD);
  const { id } = await db
    .insertInto('users')
    .values({ username, passwordHash, role, createdAt: new Date().toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id, username, role };
}

export interface BodySession {
  accessToken: string;
  refreshToken: string;
}

/** Signs in over HTTP with tokens in the body (the default delivery). */
export async function signInForBody(testApp: TestApp, account: Account): Promise<BodySession> {
  const response = await testApp.http
    .post('/api/auth/signin')
    .send({ username: account.username, password: PASSWORD })
    .expect(200);
  return {
    accessToken: response.body.accessToken as string,
    refreshToken: response.body.refreshToken as string,
  };
}

export interface CookieSession {
  access: string;
  refresh: string;
  csrf: string;
  /** The CSRF token from the body; equal to the CSRF cookie. */
  csrfToken: string;
}

/** Signs in over HTTP in cookie mode and returns the cookie values the browser would keep. */
export async function signInForCookies(
  testApp: TestApp,
  account: Account,
  names = { access: 'authlab_access', refresh: 'authlab_refresh', csrf: 'authlab_csrf' },
): Promise<CookieSession> {
  const response = await testApp.http
    .post('/api/auth/signin?mode=cookie')
    .send({ username: account.username, password: PASSWORD })
    .expect(200);
  const cookies = parseSetCookies(response.headers['set-cookie']);
  return {
    access: cookies.get(names.access)!.value,
    refresh: cookies.get(names.refresh)!.value,
    csrf: cookies.get(names.csrf)!.value,
    csrfToken: response.body.csrfToken as string,
  };
}
