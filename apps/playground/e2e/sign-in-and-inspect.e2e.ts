import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS, permissionsOf } from '@authlab/shared';
import { E2E_JWT_SECRET, launchBrowser, openPlayground, openView, signIn } from './support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('signing in and inspecting the token, in Chromium against the real API', () => {
  it.each(DEMO_USERS.map((user) => [user.username, user.role] as const))(
    'signs in as %s and shows the token and /api/auth/me',
    async (username, role) => {
      const { page, context, pageErrors } = await openPlayground(browser);

      await signIn(page, username);
      await openView(page, 'Token inspector');

      const payload = JSON.parse(
        (await page.getByRole('region', { name: 'Decoded payload' }).textContent()) ?? '{}',
      );
      expect(payload).toMatchObject({ username, role, iss: 'authlab', aud: 'authlab-api' });
      const header = JSON.parse(
        (await page.getByRole('region', { name: 'Decoded header' }).textContent()) ?? '{}',
      );
      expect(header).toMatchObject({ alg: 'HS256', typ: 'at+jwt' });
      const me = page.getByRole('region', { name: /Who am I\?/ });
      await expect
        .poll(() => me.textContent())
        .toContain(`Permissions${permissionsOf(role).join(', ')}`);
      expect(pageErrors).toEqual([]);
      await context.close();
    },
  );

  it('explains the claims, counts down the expiry and checks the signature with the secret, never keeping a stale "verified"', async () => {
    const { page, context, pageErrors } = await openPlayground(browser);
    await signIn(page, 'writer');
    await openView(page, 'Token inspector');

    const expRow = page
      .getByRole('table', { name: 'Payload claims' })
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: 'exp' }) });
    expect(await expRow.textContent()).toContain('RFC 7519 §4.1.4');
    const timer = page.getByRole('timer', { name: 'Token expiry' });
    expect(await timer.textContent()).toMatch(/^Expires in 1[45]:\d\d$/);
    const first = await timer.textContent();
    await expect.poll(() => timer.textContent(), { timeout: 3000 }).not.toBe(first);

    const result = page.getByRole('status', { name: 'Signature' });
    const secret = page.getByLabel('Secret', { exact: true });
    // Secrets are plain text by default; the API's test secret is base64.
    await page.getByLabel('Secret is').selectOption('base64');
    await secret.fill(E2E_JWT_SECRET);
    await expect.poll(() => result.textContent()).toContain('✓ Verified');

    await secret.press('End');
    await secret.press('Backspace');
    await secret.press('Backspace');
    await secret.type('Q=');
    await expect.poll(() => result.textContent()).toContain('✗ Does not match');

    await page.getByRole('radio', { name: 'The API’s JWKS' }).check();
    await expect.poll(() => result.textContent()).toContain('never published');
    expect(await result.textContent()).not.toContain('Verified');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('works by keyboard: Tab to a sign-in button and press Enter', async () => {
    const { page, context } = await openPlayground(browser);

    let focused = '';
    for (let step = 0; step < 12 && focused !== 'Sign in as editor'; step += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    }
    expect(focused).toBe('Sign in as editor');
    await page.keyboard.press('Enter');

    await page.getByText(/^Signed in as editor \(role editor\)/).waitFor();
    await context.close();
  });
});
