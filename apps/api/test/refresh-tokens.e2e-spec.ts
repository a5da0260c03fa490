import { createHash } from 'node:crypto';
import { CSRF_HEADER } from '@authlab/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE, type Database } from '../src/database/database.types.js';
import { cookieHeader, parseSetCookies } from './support/cookies.js';
import { databaseBackends, type TestDatabase } from './support/databases.js';
import {
  createAccount,
  signInForBody,
  signInForCookies,
  type Account,
} from './support/sessions.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { decodePayload } from './support/tokens.js';

const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

for (const backend of await databaseBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(`refresh tokens on ${backend.name}`, () => {
    let database: TestDatabase;
    let testApp: TestApp;
    let account: Account;
    let db: Database;

    const refresh = (refreshToken: unknown) =>
      testApp.http.post('/api/auth/refresh').send({ refreshToken });
    const articles = (accessToken: string) =>
      testApp.http.get('/api/articles').set('Authorization', `Bearer ${accessToken}`);

    beforeAll(async () => {
      database = await backend.create();
      testApp = await startTestApp({ database: database.database });
      account = await createAccount(testApp, 'writer');
      db = testApp.app.get<Database>(DATABASE);
    });
    afterAll(async () => {
      await testApp?.close();
      await database?.drop();
    });

    it('issues opaque 256-bit refresh tokens and stores only their SHA-256', async () => {
      const first = await signInForBody(testApp, account);
      const second = await signInForBody(testApp, account);
      for (const { refreshToken } of [first, second]) {
        expect(refreshToken).toMatch(/^[\w-]{43}$/); // 43 base64url characters = 256 bits
        expect(refreshToken.split('.')).toHaveLength(1); // not a JWT: nothing to decode
      }
      expect(first.refreshToken).not.toBe(second.refreshToken);
      const stored = await db.selectFrom('refreshTokens').selectAll().execute();
      expect(stored.map((row) => row.tokenHash)).toEqual(
        expect.arrayContaining([sha256(first.refreshToken), sha256(second.refreshToken)]),
      );
      expect(JSON.stringify(stored)).not.toContain(first.refreshToken);
    });

    it('rotates: a new access token and a new refresh token in the same session, same absolute end', async () => {
      const session = await signInForBody(testApp, account);
      const response = await refresh(session.refreshToken).expect(200);
      expect(response.body).toMatchObject({
        user: { id: account.id, role: 'writer' },
        tokenType: 'Bearer',
        expiresIn: 900,
      });
      expect(response.body.refreshToken).toMatch(/^[\w-]{43}$/);
      expect(response.body.refreshToken).not.toBe(session.refreshToken);
      expect(response.body.refreshExpiresIn).toBeLessThanOrEqual(7 * 24 * 60 * 60);
      expect(decodePayload(response.body.accessToken as string).sid).toBe(
        decodePayload(session.accessToken).sid,
      );
      await articles(response.body.accessToken as string).expect(200);
    });

    it('answers a replayed refresh token with 400 invalid_grant and ends the whole family', async () => {
      const session = await signInForBody(testApp, account);
      const rotated = (await refresh(session.refreshToken).expect(200)).body as {
        accessToken: string;
        refreshToken: string;
      };

      const replay = await refresh(session.refreshToken).expect(400);
      expect(replay.body).toMatchObject({ statusCode: 400, code: 'invalid_grant' });
      expect(replay.body.message).toContain('already used');

      // Everything the family issued stops: the successor refresh token and both access tokens.
      expect((await refresh(rotated.refreshToken).expect(400)).body.code).toBe('invalid_grant');
      for (const accessToken of [session.accessToken, rotated.accessToken]) {
        const response = await articles(accessToken).expect(401);
        expect(response.headers['www-authenticate']).toContain('error="invalid_token"');
        expect(response.body.message).toBe('The access token has been revoked.');
      }
      const family = await db
        .selectFrom('refreshFamilies')
        .selectAll()
        .where('id', '=', decodePayload(session.accessToken).sid as string)
        .executeTakeFirstOrThrow();
      expect(family).toMatchObject({
        revokedReason: 'refresh token replayed',
        revokedAt: expect.any(String),
      });
    });

    it('leaves other sessions of the same user alone when one family is ended', async () => {
      const victim = await signInForBody(testApp, account);
      const bystander = await signInForBody(testApp, account);
      await refresh(victim.refreshToken).expect(200);
      await refresh(victim.refreshToken).expect(400);
      await articles(bystander.accessToken).expect(200);
      await refresh(bystander.refreshToken).expect(200);
    });

    it('gives exactly one success to concurrent refreshes with the same token', async () => {
      const session = await signInForBody(testApp, account);
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => refresh(session.refreshToken)),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, 400, 400, 400, 400, 400, 400, 400]);
      for (const response of responses.filter((r) => r.status === 400))
        expect(response.body.code).toBe('invalid_grant');
      // The losers presented a used token: that is a replay, so the winner's session is ended too.
      const winner = responses.find((response) => response.status === 200)!.body as {
        refreshToken: string;
      };
      expect((await refresh(winner.refreshToken).expect(400)).body.code).toBe('invalid_grant');
      const successors = await db
        .selectFrom('refreshTokens')
        .select('tokenHash')
        .where('familyId', '=', decodePayload(session.accessToken).sid as string)
        .execute();
      expect(successors).toHaveLength(2); // the original and exactly one successor
    });

    it('ends a session at its absolute lifetime, however recently it was refreshed', async () => {
      const session = await signInForBody(testApp, account);
      const { refreshToken } = (await refresh(session.refreshToken).expect(200)).body as {
        refreshToken: string;
      };
      const sid = decodePayload(session.accessToken).sid as string;
      await db
        .updateTable('refreshFamilies')
        .set({ expiresAt: new Date(Date.now() - 1000).toISOString() })
        .where('id', '=', sid)
        .execute();
      const response = await refresh(refreshToken).expect(400);
      expect(response.body).toMatchObject({
        code: 'invalid_grant',
        message: 'The session has reached its absolute lifetime; sign in again.',
      });
    });

    it('issues the refreshed access token with the user’s current role', async () => {
      const changing = await createAccount(testApp, 'user');
      const session = await signInForBody(testApp, changing);
      await db.updateTable('users').set({ role: 'editor' }).where('id', '=', changing.id).execute();
      const response = await refresh(session.refreshToken).expect(200);
      expect(response.body.user.role).toBe('editor');
      expect(decodePayload(response.body.accessToken as string).role).toBe('editor');
    });

    it.each([
      ['a guess of the right shape', 'A'.repeat(43)],
      ['an SQL fragment', "' OR '1'='1"],
      ['an access token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln'],
      ['the hash of a real token', 'HASH'],
    ])('answers %s with 400 invalid_grant', async (_case, token) => {
      const value =
        token === 'HASH' ? sha256((await signInForBody(testApp, account)).refreshToken) : token;
      const response = await refresh(value).expect(400);
      expect(response.body).toMatchObject({
        code: 'invalid_grant',
        message: 'The refresh token is not valid.',
      });
    });

    it.each([
      ['an object', { refreshToken: { $ne: null } }],
      ['an array', { refreshToken: ['a', 'b'] }],
      ['a number', { refreshToken: 42 }],
      ['an oversized string', { refreshToken: 'x'.repeat(10_000) }],
      ['an extra field', { refreshToken: 'A'.repeat(43), userId: 1 }],
    ])('refuses a body with %s (400, nothing looked up)', async (_case, body) => {
      const response = await testApp.http.post('/api/auth/refresh').send(body).expect(400);
      expect(response.body.details.length).toBeGreaterThan(0);
    });

    it('refuses a prototype key in the body', async () => {
      const response = await testApp.http
        .post('/api/auth/refresh')
        .set('Content-Type', 'application/json')
        .send('{"refreshToken":"x","__proto__":{"admin":true}}')
        .expect(400);
      expect(response.body.message).toContain('forbidden key "__proto__"');
    });

    it('wants the refresh token exactly once: neither → 400 invalid_request, cookie and body → 400 invalid_request', async () => {
      const session = await signInForBody(testApp, account);
      expect((await testApp.http.post('/api/auth/refresh').expect(400)).body.code).toBe(
        'invalid_request',
      );
      const both = await testApp.http
        .post('/api/auth/refresh')
        .set('Cookie', cookieHeader({ authlab_refresh: session.refreshToken }))
        .send({ refreshToken: session.refreshToken })
        .expect(400);
      expect(both.body.code).toBe('invalid_request');
      await refresh(session.refreshToken).expect(200); // neither attempt used it up
    });

    it('rotates by cookie in cookie mode, and clears the cookies of a session that has ended', async () => {
      const session = await signInForCookies(testApp, account);
      const cookies = cookieHeader({
        authlab_refresh: session.refresh,
        authlab_csrf: session.csrf,
      });
      const response = await testApp.http
        .post('/api/auth/refresh')
        .set('Cookie', cookies)
        .set(CSRF_HEADER, session.csrfToken)
        .expect(200);
      expect(response.body).not.toHaveProperty('refreshToken');
      const set = parseSetCookies(response.headers['set-cookie']);
      expect(set.get('authlab_refresh')!.value).not.toBe(session.refresh);
      expect(set.get('authlab_refresh')!.attributes).toMatchObject({
        path: '/api/auth/refresh',
        httponly: true,
      });
      expect(set.get('authlab_csrf')!.value).toBe(session.csrf); // one CSRF token per session

      const replay = await testApp.http
        .post('/api/auth/refresh')
        .set('Cookie', cookies)
        .set(CSRF_HEADER, session.csrfToken)
        .expect(400);
      const cleared = parseSetCookies(replay.headers['set-cookie']);
      expect(cleared.get('authlab_refresh')!.attributes.expires).toBe(
        'Thu, 01 Jan 1970 00:00:00 GMT',
      );
      expect(cleared.get('authlab_access')!.value).toBe('');
    });
  });
}
