import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends, type TestDatabase } from './support/databases.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { decodePayload } from './support/tokens.js';
import { countRows } from './support/users.js';

const basic = (username: string, password: string) =>
  `Basic ${Buffer.from(`${username}:${password}`, 'utf8').toString('base64')}`;

function withoutTraceId(body: unknown): unknown {
  const { traceId: _traceId, ...rest } = body as Record<string, unknown>;
  return rest;
}

for (const backend of await databaseBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(
    `sign-up and sign-in on ${backend.name}`,
    () => {
      let database: TestDatabase;
      let testApp: TestApp;

      beforeAll(async () => {
        database = await backend.create();
        testApp = await startTestApp({ database: database.database });
      });
      afterAll(async () => {
        await testApp?.close();
        await database?.drop();
      });

      it('signs up a new account with role "user" and returns a usable access token', async () => {
        const response = await testApp.http
          .post('/api/auth/signup')
          .send({ username: 'Ada', password: 'analytical engine' })
          .expect(201);

        expect(response.headers['cache-control']).toBe('no-store');
        expect(response.body).toEqual({
          user: { id: expect.any(Number), username: 'ada', role: 'user' },
          accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
          tokenType: 'Bearer',
          expiresIn: 900,
          refreshToken: expect.stringMatching(/^[\w-]{43}$/),
          refreshExpiresIn: 7 * 24 * 60 * 60,
        });
        const me = await testApp.http
          .get('/api/auth/me')
          .set('Authorization', `Bearer ${response.body.accessToken}`)
          .expect(200);
        expect(me.body).toMatchObject({ username: 'ada', role: 'user', permissions: ['read'] });
      });

      it('issues tokens with the documented header and claims', async () => {
        const response = await testApp.http
          .post('/api/auth/signup')
          .send({ username: 'grace', password: 'compiler-first' })
          .expect(201);
        const [header] = (response.body.accessToken as string).split('.');
        expect(JSON.parse(Buffer.from(header!, 'base64url').toString())).toEqual({
          alg: 'HS256',
          typ: 'at+jwt',
          kid: testApp.keys.kid,
        });
        const claims = decodePayload(response.body.accessToken as string);
        expect(claims).toEqual({
          sub: String(response.body.user.id),
          username: 'grace',
          role: 'user',
          iat: expect.any(Number),
          exp: (claims.iat as number) + 900,
          iss: 'authlab',
          aud: 'authlab-api',
          jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
          sid: expect.stringMatching(/^[\w-]{22}$/),
          ver: 0,
        });
      });

      it('refuses a taken username with 409, case-insensitively, and keeps one account', async () => {
        await testApp.http
          .post('/api/auth/signup')
          .send({ username: 'linus', password: 'first password' })
          .expect(201);
        const again = await testApp.http
          .post('/api/auth/signup')
          .send({ username: 'LINUS', password: 'second password' })
          .expect(409);
        expect(again.body.message).toBe('That username is taken.');
        await testApp.http
          .post('/api/auth/signin')
          .send({ username: 'linus', password: 'first password' })
          .expect(200);
        await testApp.http
          .post('/api/auth/signin')
          .send({ username: 'linus', password: 'second password' })
          .expect(401);
      });

      it('gives one account to two concurrent sign-ups of the same name', async () => {
        const attempts = await Promise.all(
          [1, 2, 3].map(() =>
            testApp.http
              .post('/api/auth/signup')
              .send({ username: 'racer', password: 'fast and furious' }),
          ),
        );
        expect(attempts.map((a) => a.status).sort()).toEqual([201, 409, 409]);
      });

      it('signs in with Basic credentials (a colon in the password is fine) or a JSON body', async () => {
        await testApp.http
          .post('/api/auth/signup')
          .send({ username: 'margaret', password: 'apollo:11:guidance' })
          .expect(201);
        const viaBasic = await testApp.http
          .post('/api/auth/signin')
          .set('Authorization', basic('margaret', 'apollo:11:guidance'))
          .expect(200);
        const viaJson = await testApp.http
          .post('/api/auth/signin')
          .send({ username: 'margaret', password: 'apollo:11:guidance' })
          .expect(200);
        for (const response of [viaBasic, viaJson]) {
          expect(response.headers['cache-control']).toBe('no-store');
          expect(response.body).toMatchObject({
            user: { username: 'margaret', role: 'user' },
            tokenType: 'Bearer',
            expiresIn: 900,
          });
        }
      });

      it('keeps a long password whole: no truncation at 72 bytes as bcrypt would', async () => {
        const password = 'x'.repeat(100) + 'tail';
        await testApp.http
          .post('/api/auth/signup')
          .send({ username: 'longpass', password })
          .expect(201);
        await testApp.http
          .post('/api/auth/signin')
          .send({ username: 'longpass', password: 'x'.repeat(100) + 'TAIL' })
          .expect(401);
        await testApp.http
          .post('/api/auth/signin')
          .send({ username: 'longpass', password })
          .expect(200);
      });

      it('answers a wrong password and an unknown username identically (no account enumeration)', async () => {
        await testApp.http
          .post('/api/auth/signup')
          .send({ username: 'known', password: 'the right one' })
          .expect(201);
        const wrongPassword = await testApp.http
          .post('/api/auth/signin')
          .send({ username: 'known', password: 'the wrong one' });
        const unknownUser = await testApp.http
          .post('/api/auth/signin')
          .send({ username: 'unknown', password: 'the wrong one' });
        const wrongBasic = await testApp.http
          .post('/api/auth/signin')
          .set('Authorization', basic('unknown', 'the wrong one'));

        for (const response of [wrongPassword, unknownUser, wrongBasic]) {
          expect(response.status).toBe(401);
          expect(response.headers['www-authenticate']).toBe('Bearer realm="authlab"');
        }
        expect(withoutTraceId(unknownUser.body)).toEqual(withoutTraceId(wrongPassword.body));
        expect(withoutTraceId(wrongBasic.body)).toEqual(withoutTraceId(wrongPassword.body));
      });

      it('refuses ambiguous or malformed credentials with 400', async () => {
        await testApp.http
          .post('/api/auth/signin')
          .set('Authorization', basic('known', 'the right one'))
          .send({ username: 'known', password: 'the right one' })
          .expect(400);
        await testApp.http
          .post('/api/auth/signin')
          .set('Authorization', 'Basic not*base64')
          .expect(400);
        await testApp.http
          .post('/api/auth/signin')
          .set('Authorization', `Basic ${Buffer.from('nocolon').toString('base64')}`)
          .expect(400);
      });

      it('validates sign-up input against the shared schema and stores nothing on failure', async () => {
        const before = await countRows(testApp, 'users');
        for (const body of [
          { username: 'ok-name', password: 'short' },
          { username: 'ok-name', password: 'p'.repeat(129) },
          { username: 'bad:name', password: 'long enough' },
          { username: 'ok-name', password: 'long enough', role: 'admin' },
          { username: 'ok-name' },
          [],
        ]) {
          const response = await testApp.http
            .post('/api/auth/signup')
            .send(body as object)
            .expect(400);
          expect(response.body.details.length).toBeGreaterThan(0);
        }
        expect(await countRows(testApp, 'users')).toBe(before);
      });

      it('never returns a password hash', async () => {
        const response = await testApp.http
          .post('/api/auth/signup')
          .send({ username: 'hashless', password: 'secret enough' })
          .expect(201);
        const me = await testApp.http
          .get('/api/auth/me')
          .set('Authorization', `Bearer ${response.body.accessToken}`)
          .expect(200);
        expect(JSON.stringify([response.body, me.body])).not.toMatch(
          /argon2|passwordHash|secret enough/,
        );
      });
    },
  );
}
