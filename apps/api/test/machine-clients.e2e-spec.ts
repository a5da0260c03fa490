import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE, type Database } from '../src/database/database.types.js';
import { databaseBackends, type TestDatabase } from './support/databases.js';
import { createAccount, signInForBody } from './support/sessions.js';
import { startTestApp, type TestApp } from './support/test-app.js';
import { decodePayload, withPayload } from './support/tokens.js';

interface Client {
  clientId: string;
  clientSecret: string;
}

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const BASIC_CHALLENGE = 'Basic realm="authlab", charset="UTF-8"';

for (const backend of await databaseBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(
    `machine clients (client credentials) on ${backend.name}`,
    () => {
      let database: TestDatabase;
      let testApp: TestApp;
      let adminToken: string;
      let reader: Client;
      let articleId: number;

      const asAdmin = () => ({ Authorization: `Bearer ${adminToken}` });
      const register = (body: object) =>
        testApp.http.post('/api/clients').set(asAdmin()).send(body);
      const tokenRequest = (client: Client, form: string) =>
        testApp.http
          .post('/api/oauth/token')
          .set('Authorization', basic(client.clientId, client.clientSecret))
          .type('form')
          .send(form);
      async function tokenFor(client: Client, scope?: string): Promise<string> {
        const response = await tokenRequest(
          client,
          `grant_type=client_credentials${scope ? `&scope=${encodeURIComponent(scope)}` : ''}`,
        ).expect(200);
        return response.body.access_token as string;
      }

      beforeAll(async () => {
        database = await backend.create();
        testApp = await startTestApp({ database: database.database });
        adminToken = (await signInForBody(testApp, await createAccount(testApp, 'admin')))
          .accessToken;
        reader = (await register({ name: 'article-sync', scope: ['read'] }).expect(201))
          .body as Client;
        articleId = (
          await testApp.http
            .post('/api/articles')
            .set(asAdmin())
            .send({ title: 'Synced', body: 'x' })
            .expect(201)
        ).body.id as number;
      });
      afterAll(async () => {
        await testApp?.close();
        await database?.drop();
      });

      it('shows the secret once at registration and keeps only its hash', async () => {
        const created = await register({ name: 'reporting', scope: ['read', 'update'] }).expect(
          201,
        );
        expect(created.body).toEqual({
          clientId: expect.stringMatching(/^cl_[\w-]{22}$/),
          clientSecret: expect.stringMatching(/^[\w-]{43}$/),
          name: 'reporting',
          scope: ['read', 'update'],
          createdAt: expect.any(String),
          revokedAt: null,
        });
        const listed = await testApp.http.get('/api/clients').set(asAdmin()).expect(200);
        expect(JSON.stringify(listed.body)).not.toContain(created.body.clientSecret);
        expect(listed.body).toContainEqual(
          expect.objectContaining({ clientId: created.body.clientId, scope: ['read', 'update'] }),
        );
        const row = await testApp.app
          .get<Database>(DATABASE)
          .selectFrom('apiClients')
          .selectAll()
          .where('id', '=', created.body.clientId)
          .executeTakeFirstOrThrow();
        expect(row.secretHash).toBe(
          createHash('sha256').update(created.body.clientSecret).digest('base64url'),
        );
        expect(JSON.stringify(row)).not.toContain(created.body.clientSecret);
      });

      it.each([
        ['an unknown permission', { name: 'x', scope: ['read', 'superpower'] }],
        ['a prototype name', { name: 'x', scope: ['__proto__'] }],
        ['a repeated permission', { name: 'x', scope: ['read', 'read'] }],
        ['an empty scope', { name: 'x', scope: [] }],
        ['a scope string instead of a list', { name: 'x', scope: 'read delete' }],
        ['a chosen secret', { name: 'x', scope: ['read'], clientSecret: 'mine' }],
      ])('refuses a registration with %s (400)', async (_case, body) => {
        await register(body).expect(400);
      });

      it('lets only admins register, list and revoke clients', async () => {
        const editor = await signInForBody(testApp, await createAccount(testApp, 'editor'));
        const asEditor = { Authorization: `Bearer ${editor.accessToken}` };
        await testApp.http
          .post('/api/clients')
          .set(asEditor)
          .send({ name: 'sneaky', scope: ['delete'] })
          .expect(403);
        await testApp.http.get('/api/clients').set(asEditor).expect(403);
        await testApp.http.delete(`/api/clients/${reader.clientId}`).set(asEditor).expect(403);
      });

      it('issues a short-lived Bearer token as RFC 6749 §4.4.3 describes, never cached', async () => {
        const response = await tokenRequest(reader, 'grant_type=client_credentials').expect(200);
        expect(response.body).toEqual({
          access_token: expect.any(String),
          token_type: 'Bearer',
          expires_in: 300,
          scope: 'read',
        });
        expect(response.headers['cache-control']).toBe('no-store');
        expect(response.headers.pragma).toBe('no-cache');
        const claims = decodePayload(response.body.access_token as string);
        expect(claims).toMatchObject({
          sub: reader.clientId,
          client_id: reader.clientId,
          scope: 'read',
          ver: 0,
        });
        expect(claims).not.toHaveProperty('role');
        expect((claims.exp as number) - (claims.iat as number)).toBe(300);
      });

      it('limits the token to its scope: read passes the same guards, everything else is refused', async () => {
        const token = await tokenFor(reader);
        const auth = { Authorization: `Bearer ${token}` };
        await testApp.http.get('/api/articles').set(auth).expect(200);
        await testApp.http.get(`/api/articles/${articleId}`).set(auth).expect(200);
        for (const [request, scope] of [
          [testApp.http.post('/api/articles').set(auth).send({ title: 'x', body: 'y' }), 'create'],
          [
            testApp.http.patch(`/api/articles/${articleId}`).set(auth).send({ title: 'x' }),
            'update',
          ],
          [testApp.http.delete(`/api/articles/${articleId}`).set(auth), 'delete'],
        ] as const) {
          const response = await request.expect(403);
          expect(response.headers['www-authenticate']).toBe(
            `Bearer realm="authlab", error="insufficient_scope", scope="${scope}"`,
          );
        }
        await testApp.http.get(`/api/articles/${articleId}`).set(auth).expect(200); // nothing was changed
      });

      it('keeps @Roles() routes and user-only operations closed to clients, whatever their scope', async () => {
        const everything = (
          await register({
            name: 'everything',
            scope: ['read', 'create', 'update', 'delete'],
          }).expect(201)
        ).body as Client;
        const auth = { Authorization: `Bearer ${await tokenFor(everything)}` };
        for (const path of ['/api/users', '/api/clients', '/api/auth/me']) {
          const response = await testApp.http.get(path).set(auth).expect(403);
          expect(response.body.message).toContain('a machine client has no role');
        }
        await testApp.http.post('/api/auth/signout').set(auth).expect(403);
        // Writing an article names a person as its author: a client cannot be one.
        const write = await testApp.http
          .post('/api/articles')
          .set(auth)
          .send({ title: 'x', body: 'y' })
          .expect(403);
        expect(write.body.message).toContain('a machine client cannot perform it');
        await testApp.http
          .patch(`/api/articles/${articleId}`)
          .set(auth)
          .send({ title: 'Edited by a client' })
          .expect(200);
      });

      it('grants a narrower scope on request and refuses a wider one (invalid_scope)', async () => {
        const both = (await register({ name: 'narrow', scope: ['read', 'update'] }).expect(201))
          .body as Client;
        expect(decodePayload(await tokenFor(both, 'read')).scope).toBe('read');
        expect(decodePayload(await tokenFor(both, 'update read')).scope).toBe('read update');
        for (const scope of ['delete', 'read delete', 'admin', 'constructor', 'READ']) {
          const response = await tokenRequest(
            both,
            `grant_type=client_credentials&scope=${encodeURIComponent(scope)}`,
          ).expect(400);
          expect(response.body).toEqual({
            error: 'invalid_scope',
            error_description: 'This client may ask only for: read update.',
          });
        }
      });

      it('refuses a token whose scope was raised after signing (401)', async () => {
        const token = await tokenFor(reader);
        const raised = withPayload(token, { ...decodePayload(token), scope: 'read delete' });
        await testApp.http
          .delete(`/api/articles/${articleId}`)
          .set('Authorization', `Bearer ${raised}`)
          .expect(401);
      });

      it.each([
        ['a wrong secret', (c: Client) => basic(c.clientId, 'W'.repeat(43))],
        ['an unknown client id', () => basic('cl_AAAAAAAAAAAAAAAAAAAAAA', 'W'.repeat(43))],
        ['a client id that is no id', () => basic("' OR 1=1 --", 'x')],
        ['no Authorization header', () => undefined],
        ['a Bearer token instead of Basic', () => 'Bearer abc.def.ghi'],
        ['broken base64', () => 'Basic ***'],
        ['a broken percent-encoding', (c: Client) => basic(c.clientId, '%E0%A4%A')],
      ])(
        'answers client authentication with %s by 401 invalid_client and a Basic challenge',
        async (_case, authorization) => {
          const request = testApp.http
            .post('/api/oauth/token')
            .type('form')
            .send('grant_type=client_credentials');
          const header = authorization(reader);
          const response = await (
            header === undefined ? request : request.set('Authorization', header)
          ).expect(401);
          expect(response.headers['www-authenticate']).toBe(BASIC_CHALLENGE);
          expect(response.body).toEqual({
            error: 'invalid_client',
            error_description: expect.any(String),
          });
        },
      );

      it.each([
        ['grant_type=password&username=admin&password=x', 400, 'unsupported_grant_type'],
        // The grant exists, for applications acting for users: a machine client may not use it.
        ['grant_type=authorization_code&code=x', 400, 'unauthorized_client'],
        ['grant_type=refresh_token&refresh_token=x', 400, 'unauthorized_client'],
        ['scope=read', 400, 'invalid_request'],
        ['grant_type=', 400, 'invalid_request'],
        ['grant_type=client_credentials&grant_type=client_credentials', 400, 'invalid_request'],
        ['grant_type=client_credentials&scope=read&scope=delete', 400, 'invalid_request'],
        ['grant_type=client_credentials&client_secret=SECRET', 400, 'invalid_request'],
      ])('answers the form %s with %i %s', async (form, status, error) => {
        const response = await tokenRequest(
          reader,
          form.replace('SECRET', reader.clientSecret),
        ).expect(status);
        expect(response.body.error).toBe(error);
        expect(Object.keys(response.body).sort()).toEqual(['error', 'error_description']);
      });

      it('refuses anything but a form body on the token route, and JSON bodies stay the only kind elsewhere', async () => {
        const json = await testApp.http
          .post('/api/oauth/token')
          .set('Authorization', basic(reader.clientId, reader.clientSecret))
          .send({ grant_type: 'client_credentials' })
          .expect(400);
        expect(json.body.error).toBe('invalid_request');
        await testApp.http
          .post('/api/oauth/token')
          .set('Content-Type', 'text/plain')
          .send('grant_type=client_credentials')
          .expect(415);
        await testApp.http
          .post('/api/articles')
          .set(asAdmin())
          .type('form')
          .send('title=x&body=y')
          .expect(415);
        await testApp.http
          .post('/api/auth/signin')
          .type('form')
          .send('username=a&password=b')
          .expect(415);
      });

      it('refuses prototype keys and bodies over 100 kB in the form, as in JSON', async () => {
        for (const key of ['__proto__', 'constructor', 'prototype']) {
          const response = await tokenRequest(
            reader,
            `grant_type=client_credentials&${key}=x`,
          ).expect(400);
          expect(response.body.message).toContain(`forbidden key "${key}"`);
        }
        const huge = await tokenRequest(
          reader,
          `grant_type=client_credentials&padding=${'x'.repeat(101 * 1024)}`,
        ).expect(413);
        expect(huge.body.message).toBe('The request body is larger than 100 kB.');
      });

      it('revokes a client: no new tokens, and the tokens it holds stop working at once', async () => {
        const doomed = (await register({ name: 'doomed', scope: ['read'] }).expect(201))
          .body as Client;
        const token = await tokenFor(doomed);
        await testApp.http.delete(`/api/clients/${doomed.clientId}`).set(asAdmin()).expect(204);
        await testApp.http.delete(`/api/clients/${doomed.clientId}`).set(asAdmin()).expect(204);
        await testApp.http
          .delete('/api/clients/cl_AAAAAAAAAAAAAAAAAAAAAA')
          .set(asAdmin())
          .expect(404);
        await testApp.http.delete('/api/clients/not-a-client').set(asAdmin()).expect(400);

        const refused = await testApp.http
          .get('/api/articles')
          .set('Authorization', `Bearer ${token}`)
          .expect(401);
        expect(refused.body.message).toBe('The access token has been revoked.');
        expect(
          (await tokenRequest(doomed, 'grant_type=client_credentials').expect(401)).body.error,
        ).toBe('invalid_client');
        const listed = await testApp.http.get('/api/clients').set(asAdmin()).expect(200);
        expect(listed.body).toContainEqual(
          expect.objectContaining({ clientId: doomed.clientId, revokedAt: expect.any(String) }),
        );
      });
    },
  );
}
