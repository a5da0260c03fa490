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
    await page.getByLabel('Secret is').selectOption('base64');
    await page.getByRole('button', { name: 'Send with the edited token' }).click();
    await page.getByText('The API accepted the token').waitFor();
    expect(
      await page.getByText(/whoever holds the signing secret can mint any role/).isVisible(),
    ).toBe(true);
    await context.close();
  });
});

describe('the token editor never shows one header and sends another', () => {
  it('writes alg none into the header box when unsigned, and the request carries exactly that header', async () => {
    const { page, context } = await openPlayground(browser);
    await signIn(page, 'writer');
    await openView(page, 'Token editor');
    const sent: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/auth/me')
        sent.push(request.headers().authorization ?? '');
    });

    await page.getByRole('radio', { name: /No signature/ }).check();
    const headerBox = page.getByLabel('Header (JSON)');
    expect(JSON.parse(await headerBox.inputValue())).toMatchObject({ alg: 'none' });
    await page.getByLabel('Send it to').selectOption({ label: 'GET /api/auth/me' });
    await page.getByRole('button', { name: 'Send with the edited token' }).click();
    await page.getByText(/The API refused it.*401/).waitFor();

    expect(sent).toHaveLength(1);
    const [headerSegment = ''] = sent[0]!.replace(/^Bearer /, '').split('.');
    expect(JSON.parse(Buffer.from(headerSegment, 'base64url').toString('utf8'))).toEqual(
      JSON.parse(await headerBox.inputValue()),
    );
    await context.close();
  });
});

describe('copy buttons', () => {
  it('copies a PEM with its final newline, as the API sent it', async () => {
    const { page, context } = await openPlayground(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await openView(page, 'Request builder');
    await page.getByLabel('Path').fill('/api/lab/issuer/public-key');
    await page.getByRole('button', { name: 'Send request' }).click();
    const response = page.getByRole('region', {
      name: 'Response of GET /api/lab/issuer/public-key',
    });
    await response.getByRole('button', { name: 'Copy pem' }).click();
    await response.getByText('Copied.').waitFor();

    const copied = await page.evaluate(() => navigator.clipboard.readText());
    const served = (await (
      await page.request.get(new URL('/api/lab/issuer/public-key', page.url()).href)
    ).json()) as { pem: string };
    expect(served.pem.endsWith('-----END PUBLIC KEY-----\n')).toBe(true);
    expect(copied).toBe(served.pem);
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
