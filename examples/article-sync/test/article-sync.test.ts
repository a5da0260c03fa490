import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthlabApi } from '../src/authlab-api.js';
import {
  ClientCredentialsTokenSource,
  TokenRequestError,
  type ClientCredentials,
} from '../src/client-credentials.js';
import { syncArticles } from '../src/sync-articles.js';
import { startApi, type RunningApi } from './running-api.js';

/** Short-lived client tokens, so that renewal happens within the test. */
const TOKEN_SECONDS = 5;

describe('article-sync against the running authlab API', () => {
  let api: RunningApi;
  let dataDir: string;
  let adminToken: string;
  let credentials: ClientCredentials;

  async function asAdmin(method: string, route: string, body?: unknown): Promise<Response> {
    return fetch(`${api.url}${route}`, {
      method,
      headers: { Authorization: `Bearer ${adminToken}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
  const newSource = (now?: () => number) =>
    new ClientCredentialsTokenSource(credentials, fetch, now);

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'article-sync-'));
    api = await startApi({ DATA_DIR: dataDir, CLIENT_TOKEN_TTL_SECONDS: String(TOKEN_SECONDS) });
    const signIn = await fetch(`${api.url}/api/auth/signin`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from('admin:admin-demo-password').toString('base64')}`,
      },
    });
    adminToken = ((await signIn.json()) as { accessToken: string }).accessToken;
    const registered = await asAdmin('POST', '/api/clients', {
      name: 'article-sync',
      scope: ['read'],
    });
    const client = (await registered.json()) as { clientId: string; clientSecret: string };
    credentials = {
      baseUrl: api.url,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      scope: 'read',
    };
  });
  afterAll(async () => {
    await api?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('mirrors every article into a file and reports what changed since the last run', async () => {
    const file = path.join(dataDir, 'mirror.json');
    const client = new AuthlabApi(api.url, newSource());

    expect(await syncArticles(client, file)).toEqual({
      total: 3,
      added: 3,
      changed: 0,
      removed: 0,
    });
    const created = (await (
      await asAdmin('POST', '/api/articles', { title: 'New', body: 'Fresh' })
    ).json()) as { id: number };
    await asAdmin('PATCH', '/api/articles/1', { title: 'Edited' });
    await asAdmin('DELETE', '/api/articles/2');
    expect(await syncArticles(client, file)).toEqual({
      total: 3,
      added: 1,
      changed: 1,
      removed: 1,
    });

    const mirrored = JSON.parse(await readFile(file, 'utf8')) as Array<{
      id: number;
      title: string;
    }>;
    // The mirror holds what the API serves this client: published articles its clearance covers
    // (MAC hides the internal and confidential ones an admin would also see).
    expect(mirrored).toEqual(await client.articles());
    expect(mirrored.map((article) => article.id)).toContain(created.id);
  });

  it('asks for one token with only the scope it needs, and reuses it while it is valid', async () => {
    const source = newSource();
    const client = new AuthlabApi(api.url, source);
    const token = await source.token();
    await Promise.all([client.articles(), client.articles(), client.articles()]);
    expect(source.tokensRequested).toBe(1);
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({ client_id: credentials.clientId, scope: 'read' });
    expect((claims.exp as number) - (claims.iat as number)).toBe(TOKEN_SECONDS);
  });

  it('renews its token when it expires — ahead of time by its clock, or when the API says it expired', async () => {
    const ahead = newSource();
    // A client whose clock is stuck believes its token is still good: the API's 401 tells it otherwise.
    const frozenAt = Date.now();
    const stuck = newSource(() => frozenAt);
    const apis = [new AuthlabApi(api.url, ahead), new AuthlabApi(api.url, stuck)];
    for (const client of apis) await client.articles();

    await sleep(TOKEN_SECONDS * 1000 + 1200);
    for (const client of apis) expect((await client.articles()).length).toBeGreaterThan(0);
    expect(ahead.tokensRequested).toBe(2);
    expect(stuck.tokensRequested).toBe(2);
  });

  it('stops with a clear error, instead of retrying forever, once the client is revoked', async () => {
    const source = newSource();
    const client = new AuthlabApi(api.url, source);
    await client.articles();
    expect((await asAdmin('DELETE', `/api/clients/${credentials.clientId}`)).status).toBe(204);

    const failure = await client.articles().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TokenRequestError);
    expect(failure).toMatchObject({ status: 401, error: 'invalid_client' });
    expect(source.tokensRequested).toBe(2);
    await expect(newSource().token()).rejects.toThrow(/401 invalid_client/);
  });

  it('says why when its credentials are wrong, without calling the API with no token', async () => {
    const wrong = new AuthlabApi(
      api.url,
      new ClientCredentialsTokenSource({ ...credentials, clientSecret: 'not-the-secret' }),
    );
    const failure = await wrong.articles().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(TokenRequestError);
    expect((failure as Error).message).toMatch(/^The token endpoint answered 401 invalid_client: /);
  });
});
