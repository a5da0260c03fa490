import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPlayground, openView, signIn } from './support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('cookie mode', () => {
  it('signs in with an HttpOnly cookie, explains its attributes and shows it reaches the server but not page scripts', async () => {
    const { page, context, pageErrors } = await openPlayground(browser);

    await signIn(page, 'editor', 'HttpOnly cookie');
    expect(await page.getByText(/Access token in an HttpOnly cookie/).isVisible()).toBe(true);
    // /api/auth/me succeeds with no Authorization header: the browser sent the cookie.
    await expect
      .poll(() => page.getByRole('region', { name: /Who am I\?/ }).textContent())
      .toContain('Roleeditor');

    await openView(page, 'Cookies');
    const access = page.getByRole('article', { name: 'Cookie authlab_access' });
    await access.waitFor();
    const terms = await access.getByRole('term').allTextContents();
    expect(terms).toEqual(
      expect.arrayContaining([
        'HttpOnly (protects)',
        'SameSite=Strict (protects)',
        'Path=/ (note)',
      ]),
    );
    expect(terms.some((term) => term.startsWith('Max-Age='))).toBe(true);
    expect(await access.textContent()).toContain('JavaScript cannot read it');

    const row = page
      .getByRole('table', { name: /Each cookie/ })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'authlab_access' }) });
    await expect
      .poll(() => row.textContent())
      .toMatch(/hidden from scripts.*received \(\d+ characters\)/);
    expect(await page.evaluate(() => document.cookie)).not.toContain('authlab_access');
    const cookies = await context.cookies();
    expect(cookies.find((cookie) => cookie.name === 'authlab_access')).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/',
    });
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('sends a cookie-authenticated change with the CSRF header, so the API accepts it', async () => {
    const { page, context } = await openPlayground(browser);
    await signIn(page, 'writer', 'HttpOnly cookie');
    await openView(page, 'Request builder');

    await page.getByLabel('Method').selectOption('POST');
    await page.getByLabel('Path').fill('/api/articles');
    await page.getByRole('radio', { name: 'Cookie', exact: true }).check();
    await page.getByRole('button', { name: 'Send request' }).click();

    const response = page.getByRole('region', { name: 'Response of POST /api/articles' });
    await response.getByText('201 Created').waitFor();
    const flow = page.getByRole('region', { name: 'Lifecycle of POST /api/articles' });
    await flow.waitFor();
    expect(await flow.locator('[data-step="CsrfGuard"]').textContent()).toContain('passed');
    await context.close();
  });
});
