import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { DEMO_USERS, type CookieEchoResponse } from '@authlab/shared';
import { launchBrowser, openPlayground, openView, signIn } from './support/browser';

let browser: Browser;
const origin = () => inject('apiOrigin');

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

type Delivery = 'Bearer token' | 'HttpOnly cookie';

/** Signs in through the panel and returns the access token when the answer carried one. */
async function signInFor(page: Page, username: string, delivery: Delivery): Promise<string> {
  const answer = page.waitForResponse(
    (response) => response.url().includes('/api/auth/signin') && response.status() === 200,
  );
  await signIn(page, username, delivery);
  const body = (await (await answer).json()) as { accessToken?: string };
  return body.accessToken ?? '';
}

/** What the API says about a bearer token, asked from outside the browser. */
async function statusWith(token: string, path = '/api/auth/me'): Promise<number> {
  const response = await fetch(`${origin()}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return response.status;
}

/** The names of the API's session cookies the browser context holds. */
async function sessionCookies(context: BrowserContext): Promise<string[]> {
  return (await context.cookies())
    .map((cookie) => cookie.name)
    .filter((name) => /authlab_(access|refresh|csrf)$/.test(name))
    .sort();
}

/** The cookies the API received with a plain same-origin request from the page. */
async function echoedCookies(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const response = await fetch('/api/auth/cookies', { credentials: 'same-origin' });
    const body = (await response.json()) as CookieEchoResponse;
    return body.cookies.map((cookie) => cookie.name);
  });
}

function status(page: Page) {
  return page.locator('.sign-in-status');
}

function whoAmI(page: Page) {
  return page.getByRole('region', { name: /Who am I\?/ });
}

async function sendFromBuilder(
  page: Page,
  { method, path, as }: { method: string; path: string; as: string },
) {
  await openView(page, 'Request builder');
  await page.getByLabel('Method').selectOption(method);
  await page.getByLabel('Path').fill(path);
  await page.getByRole('radio', { name: 'Authorization header', exact: true }).check();
  await page.getByLabel('Send as').selectOption({ label: as });
  await page.getByRole('button', { name: 'Send request' }).click();
  const response = page.getByRole('region', { name: `Response of ${method} ${path}` });
  await response.locator('.response-status .status-badge').waitFor();
  return response;
}

describe('one source of truth for the session', () => {
  it('finds a cookie session again after a reload, in the header and in the cookie view', async () => {
    const { page, context, pageErrors } = await openPlayground(browser);
    await signInFor(page, 'writer', 'HttpOnly cookie');

    await page.reload();
    await expect.poll(() => status(page).textContent()).toMatch(/^Signed in as writer/);
    expect(await status(page).textContent()).toContain('HttpOnly cookie');
    await expect.poll(() => whoAmI(page).textContent()).toContain('Rolewriter');

    await openView(page, 'Cookies');
    await page.getByRole('table', { name: /Each cookie/ }).waitFor();
    expect(await page.getByText('Not in cookie mode').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('cookie → bearer: the cookie session ends on the server first, so nothing sends both', async () => {
    const { page, context, pageErrors } = await openPlayground(browser);
    await signInFor(page, 'writer', 'HttpOnly cookie');
    expect(await sessionCookies(context)).toContain('authlab_access');

    const token = await signInFor(page, 'editor', 'Bearer token');
    expect(token).not.toBe('');
    expect(await sessionCookies(context)).toEqual([]);
    expect(await echoedCookies(page)).toEqual([]);
    await expect.poll(() => whoAmI(page).textContent()).toContain('Roleeditor');
    expect(await whoAmI(page).textContent()).not.toContain('at once');
    expect(await statusWith(token)).toBe(200);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('bearer → cookie: the bearer token is signed out on the server before the cookie session starts', async () => {
    const { page, context } = await openPlayground(browser);
    const token = await signInFor(page, 'writer', 'Bearer token');
    expect(await statusWith(token)).toBe(200);

    await signInFor(page, 'editor', 'HttpOnly cookie');
    expect(await statusWith(token)).toBe(401);
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(token);
    await expect.poll(() => whoAmI(page).textContent()).toContain('Roleeditor');
    expect(await sessionCookies(context)).toContain('authlab_access');
    await context.close();
  });

  it('keeps a bearer session through a reload in the same tab, and a sign-out ends it on the server and in the tab', async () => {
    const { page, context } = await openPlayground(browser);
    const token = await signInFor(page, 'writer', 'Bearer token');

    await page.reload();
    await expect.poll(() => status(page).textContent()).toMatch(/^Signed in as writer/);
    expect(await status(page).textContent()).toContain('Bearer token');
    await expect.poll(() => whoAmI(page).textContent()).toContain('Rolewriter');

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect.poll(() => status(page).textContent()).toBe('Not signed in.');
    await expect.poll(() => statusWith(token)).toBe(401);
    await page.reload();
    await expect.poll(() => status(page).textContent()).toBe('Not signed in.');
    expect(await page.evaluate(() => JSON.stringify(sessionStorage))).not.toContain(token);
    await context.close();
  });

  it('signs a cookie session out for real, after a reload too: the browser holds no session cookie and the API receives none', async () => {
    const { page, context } = await openPlayground(browser);
    await signInFor(page, 'writer', 'HttpOnly cookie');
    await page.reload();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect.poll(() => status(page).textContent()).toBe('Not signed in.');
    await expect.poll(() => sessionCookies(context)).toEqual([]);
    expect(await echoedCookies(page)).toEqual([]);
    await context.close();
  });

  it('sends nothing as "nobody", even while the browser holds a cookie session', async () => {
    const { page, context } = await openPlayground(browser);
    await signInFor(page, 'writer', 'HttpOnly cookie');
    const echo = await sendFromBuilder(page, {
      method: 'GET',
      path: '/api/auth/cookies',
      as: 'nobody (no token)',
    });
    const body = JSON.parse(
      (await echo.getByLabel('Response body').textContent()) ?? 'null',
    ) as CookieEchoResponse;
    expect(body.cookies).toEqual([]);
    const articles = await sendFromBuilder(page, {
      method: 'GET',
      path: '/api/articles',
      as: 'nobody (no token)',
    });
    expect(await articles.locator('.response-status .status-badge').textContent()).toMatch(/^401/);
    expect(await page.getByText(/no Authorization header and no cookies/).count()).toBe(1);
    await context.close();
  });

  it('shows the truth once the API has revoked the signed-in token', async () => {
    const { page, context } = await openPlayground(browser);
    await signInFor(page, 'user', 'Bearer token');
    await sendFromBuilder(page, {
      method: 'POST',
      path: '/api/auth/signout',
      as: 'my current token',
    });
    await expect.poll(() => status(page).textContent()).not.toContain('valid for');
    expect(await status(page).textContent()).toMatch(/signed out|revoked/i);
    await context.close();
  });
});

describe('the RBAC matrix never disrupts a class', () => {
  it('"Send every cell" as admin leaves every session intact and says what it skipped', async () => {
    const other = await openPlayground(browser);
    const othersToken = await signInFor(other.page, 'writer', 'Bearer token');

    const { page, context, pageErrors } = await openPlayground(browser);
    const adminToken = await signInFor(page, 'admin', 'Bearer token');
    await openView(page, 'RBAC matrix');
    await page.getByRole('button', { name: 'Send every cell' }).click();
    const summary = page.getByRole('status').filter({ hasText: /^Sent \d+ cells/ });
    await summary.waitFor({ timeout: 120_000 });
    const text = (await summary.textContent()) ?? '';
    for (const skipped of [
      'POST /api/auth/signout-all',
      'POST /api/auth/password',
      'POST /api/demo/reset',
      'POST /api/clock/advance',
      'PATCH /api/users/:id/role',
      'POST /api/auth/signup',
    ])
      expect(text).toContain(skipped);

    expect(await statusWith(othersToken)).toBe(200);
    expect(await statusWith(adminToken)).toBe(200);
    expect(await status(page).textContent()).toMatch(/^Signed in as admin/);
    for (const user of DEMO_USERS) {
      const response = await fetch(`${origin()}/api/auth/signin`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: user.username, password: user.password }),
      });
      expect(response.status, user.username).toBe(200);
    }
    expect(pageErrors).toEqual([]);
    await context.close();
    await other.context.close();
  }, 180_000);

  it('sends a cell that ends sessions only after the learner confirms it', async () => {
    const { page, context } = await openPlayground(browser);
    await openView(page, 'RBAC matrix');
    const cell = page.getByRole('button', { name: /^Send POST \/api\/auth\/signout-all as user:/ });
    const sent: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/api/auth/signout-all')) sent.push(request.method());
    });
    await cell.click();
    await page.getByRole('button', { name: 'Send this request…' }).click();
    expect(sent).toEqual([]);
    await page.getByRole('button', { name: 'Yes, send it' }).click();
    const response = page.getByRole('region', {
      name: 'Response of POST /api/auth/signout-all user',
    });
    await response.waitFor();
    expect(await response.textContent()).toContain('shared');
    expect(sent).toEqual(['POST']);
    await context.close();
  });
});
