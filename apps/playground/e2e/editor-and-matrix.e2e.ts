import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_JWT_SECRET, launchBrowser, openPlayground, openView, signIn } from './support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the token editor', () => {
  it('gets a raised role refused with the old signature, and accepted once re-signed with the secret', async () => {
    const { page, context } = await openPlayground(browser);
    await signIn(page, 'user');
    await openView(page, 'Token editor');

    await page.getByLabel('role').selectOption('admin');
    await page.getByLabel('Send it to').selectOption({ label: 'GET /api/users' });
    await page.getByRole('button', { name: 'Send with the edited token' }).click();
    await page.getByText(/The API refused it.*401/).waitFor();
    const decider = page
      .getByRole('region', { name: 'Lifecycle of GET /api/users' })
      .locator('[aria-current="step"]');
    await expect.poll(() => decider.getAttribute('data-step')).toBe('JwtAuthGuard');
    expect(await decider.textContent()).toContain('signature');

    await page.getByRole('radio', { name: /Re-sign with a secret/ }).check();
    await page.getByLabel('Secret to sign with').fill(E2E_JWT_SECRET);
    await page.getByRole('button', { name: 'Send with the edited token' }).click();
    await page.getByText('The API accepted the token').waitFor();
    expect(
      await page.getByText(/whoever holds the signing secret can mint any role/).isVisible(),
    ).toBe(true);
    await context.close();
  });
});

describe('the RBAC matrix', () => {
  it('draws every route from /api/meta/routes and sends a cell as that role', async () => {
    const { page, context } = await openPlayground(browser);
    await openView(page, 'RBAC matrix');

    const writerCell = page.getByRole('button', { name: /^Send GET \/api\/users as writer:/ });
    expect(await writerCell.textContent()).toMatch(/: ✗ 403$/);
    await writerCell.click();
    await expect.poll(() => writerCell.textContent()).toMatch(/: ✗ 403got 403$/);
    const decider = page
      .getByRole('region', { name: 'Lifecycle of GET /api/users' })
      .locator('[aria-current="step"]');
    await expect.poll(() => decider.getAttribute('data-step')).toBe('RolesGuard');

    const adminCell = page.getByRole('button', { name: /^Send GET \/api\/users as admin:/ });
    await adminCell.click();
    await expect.poll(() => adminCell.textContent()).toMatch(/: ✓ allowedgot 200$/);
    const nobodyCell = page.getByRole('button', { name: /^Send GET \/api\/articles as nobody:/ });
    await nobodyCell.click();
    await expect.poll(() => nobodyCell.textContent()).toMatch(/: ✗ 401got 401$/);
    expect(await page.locator('.cell-mismatch').count()).toBe(0);
    await context.close();
  });
});
