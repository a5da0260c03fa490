import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthlabConnection } from '../src/authlab-connection.js';
import { registerClient, type RegisteredClient } from '../src/register-client.js';
import { createAppServer } from '../src/server.js';
import { startApi, type RunningApi } from './running-api.js';

/** A browser for two sites: cookies kept per origin, redirects followed one at a time. */
class Browser {
  private readonly jars = new Map<string, Map<string, string>>();

  async request(url: string, init: RequestInit = {}): Promise<Response> {
    const origin = new URL(url).origin;
    const jar = this.jars.get(origin) ?? new Map<string, string>();
    this.jars.set(origin, jar);
    const cookie = [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: {
        ...(init.headers as Record<string, string>),
        ...(cookie ? { Cookie: cookie } : {}),
      },
    });
    for (const line of response.headers.getSetCookie()) {
      const [name, ...value] = line.split(';')[0]!.split('=');
      jar.set(name!.trim(), value.join('='));
    }
    return response;
  }

  /** Follows redirects from `url` until a page; returns the page's URL and HTML. */
  async open(url: string, init?: RequestInit): Promise<{ url: string; html: string }> {
    let current = url;
    let response = await this.request(current, init);
    while (response.status >= 300 && response.status < 400) {
      current = new URL(response.headers.get('location')!, current).href;
      response = await this.request(current);
    }
    return { url: current, html: await response.text() };
  }

  /** Submits authlab's form on `page` with its hidden fields and `fields`. */
  submit(page: { url: string; html: string }, fields: Record<string, string>) {
    const hidden = Object.fromEntries(
      [...page.html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map(
        (match) => [match[1]!, match[2]!.replace(/&amp;/g, '&')],
      ),
    );
    const target = new URL(page.url);
    return this.open(`${target.origin}${target.pathname}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...hidden, ...fields }).toString(),
    });
  }
}

describe('Article Helper (openid-client) against the running authlab API', () => {
  let api: RunningApi;
  let dataDir: string;
  let client: RegisteredClient;
  let appUrl: string;
  let server: ReturnType<typeof createAppServer>;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'oauth-app-'));
    api = await startApi({ DATA_DIR: dataDir });
    client = await registerClient(
      api.url,
      { username: 'admin', password: 'admin-demo-password' },
      'http://127.0.0.1:4100/callback',
    );
    let connected!: (connection: AuthlabConnection) => void;
    server = createAppServer(new Promise((resolve) => (connected = resolve)));
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // A loopback redirect URI may use any port (RFC 8252 §7.3): the test's port is not 4100.
    connected(await AuthlabConnection.discover(api.url, client, `${appUrl}/callback`));
  });
  afterAll(async () => {
    server?.close();
    await api?.stop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** The first time the writer is asked for consent; afterwards the grant is remembered until revoked. */
  async function connectAsWriter(browser: Browser, firstTime = false) {
    const signIn = await browser.open(`${appUrl}/connect`);
    expect(signIn.url.startsWith(`${api.url}/api/oauth/authorize?`)).toBe(true);
    expect(signIn.html).toContain('Sign in to continue to Article Helper');
    const consent = await browser.submit(signIn, {
      action: 'signin',
      username: 'writer',
      password: 'writer-demo-password',
    });
    // Remembered from an earlier test unless that grant was revoked since.
    if (!firstTime && consent.url === `${appUrl}/`) return consent;
    expect(consent.html).toContain('Allow Article Helper to use your authlab account?');
    expect(consent.html).toContain('Write new articles in your name');
    return browser.submit(consent, { action: 'allow' });
  }

  it('connects through sign-in and consent, lists articles and drafts one as the user', async () => {
    const browser = new Browser();
    const start = await browser.open(`${appUrl}/`);
    expect(start.html).toContain('Connect your authlab account');
    const home = await connectAsWriter(browser, true);
    expect(home.url).toBe(`${appUrl}/`);
    expect(home.html).toContain('Connected to authlab with the scope <code>read create</code>');
    expect(home.html).toContain('<li>');

    const afterDraft = await browser.open(`${appUrl}/drafts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'title=Drafted+by+Article+Helper&body=Hello',
    });
    expect(afterDraft.html).toContain('Saved as a draft in authlab.');
    expect(afterDraft.html).toContain(
      'Drafted by Article Helper <small>(draft, by writer)</small>',
    );
  });

  it('tells the user, instead of failing, once they revoke its access in authlab', async () => {
    const browser = new Browser();
    await connectAsWriter(browser);
    const signIn = await fetch(`${api.url}/api/auth/signin`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'writer', password: 'writer-demo-password' }),
    });
    const { accessToken } = (await signIn.json()) as { accessToken: string };
    const revoked = await fetch(`${api.url}/api/oauth/grants/${client.clientId}`, {
      method: 'DELETE',
      headers: { Authorization: `Bearer ${accessToken}` },
    });
    expect(revoked.status).toBe(204);
    const home = await browser.open(`${appUrl}/`);
    expect(home.html).toContain('Your authlab account was disconnected (the access was revoked).');
    expect(home.html).toContain('Connect your authlab account');
  });

  it('says so when the user denies, and disconnects through RFC 7009 revocation', async () => {
    const browser = new Browser();
    const signIn = await browser.open(`${appUrl}/connect`);
    const denied = await browser.submit(signIn, { action: 'deny' });
    expect(denied.html).toContain('You did not allow the connection.');
    await connectAsWriter(browser);
    const disconnected = await browser.open(`${appUrl}/disconnect`, { method: 'POST' });
    expect(disconnected.html).toContain('Disconnected: authlab revoked this application’s tokens.');
  });
});
