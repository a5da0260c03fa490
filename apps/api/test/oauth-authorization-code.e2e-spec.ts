import type { AddressInfo } from 'node:net';
import * as oauth from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegisteredOAuthClient } from '@authlab/shared';
import { AuthorizationBrowser } from './support/authorization-browser.js';
import { databaseBackends, type TestDatabase } from './support/databases.js';
import { createAccount, signInForBody, type Account } from './support/sessions.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const REDIRECT_URI = 'http://127.0.0.1:4100/callback';

for (const backend of await databaseBackends()) {
  describe.skipIf(backend.skipReason !== undefined)(
    `delegated access: authorization code + PKCE with openid-client on ${backend.name}`,
    () => {
      let database: TestDatabase;
      let testApp: TestApp;
      let issuer: string;
      let adminToken: string;
      let writer: Account;
      let reader: Account;
      let publicApp: RegisteredOAuthClient;
      let serverApp: RegisteredOAuthClient;
      let otherApp: RegisteredOAuthClient;

      const register = async (body: object) =>
        (
          await testApp.http
            .post('/api/oauth/clients')
            .set('Authorization', `Bearer ${adminToken}`)
            .send(body)
            .expect(201)
        ).body as RegisteredOAuthClient;

      /** openid-client's view of authlab, found through RFC 8414 discovery. */
      const discover = (app: RegisteredOAuthClient) =>
        oauth.discovery(
          new URL(issuer),
          app.clientId,
          app.clientSecret,
          app.clientSecret === undefined ? oauth.None() : oauth.ClientSecretBasic(app.clientSecret),
          { algorithm: 'oauth2', execute: [oauth.allowInsecureRequests] },
        );

      /** A raw authorization URL, for requests openid-client would never build (no PKCE, plain…). */
      const authorizeUrl = (params: Record<string, string>) =>
        `${issuer}/api/oauth/authorize?${new URLSearchParams(params).toString()}`;

      async function pkceRequest(config: oauth.Configuration, scope: string) {
        const verifier = oauth.randomPKCECodeVerifier();
        const state = oauth.randomState();
        const url = oauth.buildAuthorizationUrl(config, {
          redirect_uri: REDIRECT_URI,
          scope,
          state,
          code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
          code_challenge_method: 'S256',
        });
        return { url: url.href, verifier, state };
      }

      /** Runs the whole flow for `account` and returns openid-client's tokens. */
      async function connect(app: RegisteredOAuthClient, account: Account, scope = 'read create') {
        const config = await discover(app);
        const request = await pkceRequest(config, scope);
        const { location } = await new AuthorizationBrowser().authorize(
          request.url,
          account.username,
        );
        const tokens = await oauth.authorizationCodeGrant(config, new URL(location), {
          pkceCodeVerifier: request.verifier,
          expectedState: request.state,
        });
        return { config, tokens, location, request };
      }

      beforeAll(async () => {
        database = await backend.create();
        testApp = await startTestApp({ database: database.database });
        // openid-client speaks real HTTP: the API listens on a port, as it does in production.
        await testApp.app.listen(0, '127.0.0.1');
        issuer = `http://127.0.0.1:${(testApp.app.getHttpServer().address() as AddressInfo).port}`;
        adminToken = (await signInForBody(testApp, await createAccount(testApp, 'admin')))
          .accessToken;
        writer = await createAccount(testApp, 'writer');
        reader = await createAccount(testApp, 'user');
        const registration = { redirectUris: [REDIRECT_URI], scope: ['read', 'create'] };
        publicApp = await register({ name: 'Article Helper', type: 'public', ...registration });
        serverApp = await register({ name: 'Server App', type: 'confidential', ...registration });
        otherApp = await register({ name: 'Other App', type: 'public', ...registration });
      });
      afterAll(async () => {
        await testApp?.close();
        await database?.drop();
      });

      it('publishes RFC 8414 metadata: S256 only, no implicit or password grant', async () => {
        const response = await fetch(`${issuer}/.well-known/oauth-authorization-server`);
        const metadata = (await response.json()) as Record<string, unknown>;
        expect(metadata.issuer).toBe(issuer);
        expect(metadata.code_challenge_methods_supported).toEqual(['S256']);
        expect(metadata.response_types_supported).toEqual(['code']);
        expect(metadata.grant_types_supported).not.toContain('password');
        expect(metadata.grant_types_supported).not.toContain('implicit');
        expect(metadata.authorization_endpoint).toBe(`${issuer}/api/oauth/authorize`);
      });

      it('lets openid-client complete code + PKCE for a public client, refresh, and call the API as the user', async () => {
        const { config, tokens, location, request } = await connect(publicApp, writer);
        expect(new URL(location).searchParams.get('state')).toBe(request.state);
        expect(new URL(location).searchParams.get('iss')).toBe(issuer);
        expect(tokens.scope).toBe('read create');
        expect(tokens.token_type).toBe('bearer');

        const listed = await oauth.fetchProtectedResource(
          config,
          tokens.access_token,
          new URL(`${issuer}/api/articles`),
          'GET',
        );
        expect(listed.status).toBe(200);
        const drafted = await oauth.fetchProtectedResource(
          config,
          tokens.access_token,
          new URL(`${issuer}/api/articles`),
          'POST',
          JSON.stringify({ title: 'Drafted by an app', body: 'x', status: 'draft' }),
          new Headers({ 'Content-Type': 'application/json' }),
        );
        expect(drafted.status).toBe(201);
        expect(((await drafted.json()) as { authorUsername: string }).authorUsername).toBe(
          writer.username,
        );

        const refreshed = await oauth.refreshTokenGrant(config, tokens.refresh_token!);
        expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
        const again = await oauth.fetchProtectedResource(
          config,
          refreshed.access_token,
          new URL(`${issuer}/api/articles`),
          'GET',
        );
        expect(again.status).toBe(200);
        // Rotation with reuse detection: the old refresh token used again ends the family.
        await expect(oauth.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
          error: 'invalid_grant',
        });
        const afterReuse = await fetch(`${issuer}/api/articles`, {
          headers: { Authorization: `Bearer ${refreshed.access_token}` },
        });
        expect(afterReuse.status).toBe(401);
      });

      it('authenticates a confidential client with HTTP Basic', async () => {
        const { tokens } = await connect(serverApp, writer, 'read');
        expect(tokens.scope).toBe('read');
      });

      it('holds only the granted scope: read cannot create, and no @Roles route opens', async () => {
        const { tokens } = await connect(otherApp, writer, 'read');
        const create = await testApp.http
          .post('/api/articles')
          .set('Authorization', `Bearer ${tokens.access_token}`)
          .send({ title: 't', body: 'b' });
        expect(create.status).toBe(403);
        const grants = await testApp.http
          .get('/api/oauth/grants')
          .set('Authorization', `Bearer ${tokens.access_token}`);
        expect(grants.status).toBe(403);
      });

      it('refuses a request without PKCE, and one with plain, by redirecting an error to the registered URI', async () => {
        const base = {
          response_type: 'code',
          client_id: publicApp.clientId,
          redirect_uri: REDIRECT_URI,
          scope: 'read',
          state: 's1',
        };
        for (const extra of <Record<string, string>[]>[
          {},
          { code_challenge: 'x'.repeat(43), code_challenge_method: 'plain' },
          { code_challenge: 'x'.repeat(43) },
        ]) {
          const step = await new AuthorizationBrowser().visit(authorizeUrl({ ...base, ...extra }));
          expect(step.kind).toBe('redirect');
          const location = new URL((step as { location: string }).location);
          expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
          expect(location.searchParams.get('error')).toBe('invalid_request');
          expect(location.searchParams.get('state')).toBe('s1');
        }
      });

      it.each([
        ['one character more', `${REDIRECT_URI}x`],
        ['one more path segment', `${REDIRECT_URI}/evil`],
        ['another host', 'http://attacker.example/callback'],
      ])('never redirects to a redirect URI off by %s', async (_case, redirectUri) => {
        const step = await new AuthorizationBrowser().visit(
          authorizeUrl({
            response_type: 'code',
            client_id: publicApp.clientId,
            redirect_uri: redirectUri,
            scope: 'read',
            code_challenge: 'x'.repeat(43),
            code_challenge_method: 'S256',
          }),
        );
        expect(step.kind).toBe('page');
        expect((step as { status: number }).status).toBe(400);
      });

      it('refuses a wrong verifier, and a code redeemed by another client', async () => {
        const config = await discover(publicApp);
        const request = await pkceRequest(config, 'read');
        const { location } = await new AuthorizationBrowser().authorize(
          request.url,
          writer.username,
        );
        await expect(
          oauth.authorizationCodeGrant(config, new URL(location), {
            pkceCodeVerifier: oauth.randomPKCECodeVerifier(),
            expectedState: request.state,
          }),
        ).rejects.toMatchObject({ error: 'invalid_grant' });
        const other = await discover(otherApp);
        await expect(
          oauth.authorizationCodeGrant(other, new URL(location), {
            pkceCodeVerifier: request.verifier,
            expectedState: request.state,
          }),
        ).rejects.toMatchObject({ error: 'invalid_grant' });
        // Neither refusal used the code up: its own client with its verifier still gets tokens.
        const tokens = await oauth.authorizationCodeGrant(config, new URL(location), {
          pkceCodeVerifier: request.verifier,
          expectedState: request.state,
        });
        expect(tokens.access_token).toBeTruthy();
      });

      it('refuses a code used twice and revokes the tokens issued from it', async () => {
        const { config, tokens, location, request } = await connect(publicApp, writer, 'read');
        await expect(
          oauth.authorizationCodeGrant(config, new URL(location), {
            pkceCodeVerifier: request.verifier,
            expectedState: request.state,
          }),
        ).rejects.toMatchObject({ error: 'invalid_grant' });
        const call = await fetch(`${issuer}/api/articles`, {
          headers: { Authorization: `Bearer ${tokens.access_token}` },
        });
        expect(call.status).toBe(401);
        await expect(oauth.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
          error: 'invalid_grant',
        });
      });

      it('refuses a scope beyond the user’s role with invalid_scope, after sign-in', async () => {
        const config = await discover(publicApp);
        const request = await pkceRequest(config, 'read create');
        const { location } = await new AuthorizationBrowser().authorize(
          request.url,
          reader.username,
        );
        const url = new URL(location);
        expect(url.searchParams.get('error')).toBe('invalid_scope');
        expect(url.searchParams.get('state')).toBe(request.state);
        expect(url.searchParams.get('code')).toBeNull();
      });

      it('answers access_denied when the user denies consent', async () => {
        const config = await discover(serverApp);
        const request = await pkceRequest(config, 'read');
        const fresh = await createAccount(testApp, 'user');
        const { location } = await new AuthorizationBrowser().authorize(
          request.url,
          fresh.username,
          'deny',
        );
        expect(new URL(location).searchParams.get('error')).toBe('access_denied');
        expect(new URL(location).searchParams.get('code')).toBeNull();
      });

      it('remembers a grant, lists it, and revoking it ends the application’s tokens at once', async () => {
        const user = await createAccount(testApp, 'writer');
        const { config, tokens } = await connect(publicApp, user, 'read');
        // The second authorization skips the consent question: the grant is remembered.
        const second = await pkceRequest(config, 'read');
        const { consentPage } = await new AuthorizationBrowser().authorize(
          second.url,
          user.username,
        );
        expect(consentPage).toBeUndefined();

        const session = await signInForBody(testApp, user);
        const asUser = { Authorization: `Bearer ${session.accessToken}` };
        const listed = await testApp.http.get('/api/oauth/grants').set(asUser).expect(200);
        expect(listed.body).toEqual([
          expect.objectContaining({
            clientId: publicApp.clientId,
            name: 'Article Helper',
            scope: ['read'],
          }),
        ]);
        await testApp.http
          .delete(`/api/oauth/grants/${publicApp.clientId}`)
          .set(asUser)
          .expect(204);
        const call = await fetch(`${issuer}/api/articles`, {
          headers: { Authorization: `Bearer ${tokens.access_token}` },
        });
        expect(call.status).toBe(401);
        await expect(oauth.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
          error: 'invalid_grant',
        });
        expect((await testApp.http.get('/api/oauth/grants').set(asUser).expect(200)).body).toEqual(
          [],
        );
      });

      it('revokes a refresh token through RFC 7009, and an application’s refresh token is no user session', async () => {
        const { config, tokens } = await connect(serverApp, writer, 'read');
        await testApp.http
          .post('/api/auth/refresh')
          .send({ refreshToken: tokens.refresh_token })
          .expect(400);
        await oauth.tokenRevocation(config, tokens.refresh_token!);
        await expect(oauth.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({
          error: 'invalid_grant',
        });
      });
    },
  );
}
