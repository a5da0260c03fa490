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

describe('the lifecycle of a request', () => {
  it('shows a 403 with RolesGuard marked as the deciding step, and the steps never reached', async () => {
    const { page, context, pageErrors } = await openPlayground(browser);
    await signIn(page, 'editor');
    await openView(page, 'Request builder');

    await page.getByLabel('Method').selectOption('DELETE');
    await page.getByLabel('Path').fill('/api/articles/1');
    await page.getByLabel('Send as').selectOption('editor');
    await page.getByRole('button', { name: 'Send request' }).click();

    const response = page.getByRole('region', { name: 'Response of DELETE /api/articles/1' });
    await response.getByText('403 Forbidden').waitFor();
    await page.getByRole('link', { name: 'Open in the lifecycle view' }).click();

    const flow = page
      .locator('.trace-panel')
      .getByRole('region', { name: 'Lifecycle of DELETE /api/articles/1' });
    const decider = flow.locator('[aria-current="step"]');
    await decider.waitFor();
    expect(await decider.getAttribute('data-step')).toBe('RolesGuard');
    expect(await decider.textContent()).toContain('This step decided the answer');
    expect(await decider.textContent()).toContain('lacks the "delete" permission');
    expect(await flow.getByText(/^Decided by RolesGuard/).isVisible()).toBe(true);
    expect(await flow.getByText(/Never reached: .*handler/).isVisible()).toBe(true);
    const steps = await flow
      .locator('[data-step]')
      .evaluateAll((items) => items.map((item) => item.getAttribute('data-step')));
    expect(steps.indexOf('JwtAuthGuard')).toBeLessThan(steps.indexOf('RolesGuard'));
    expect(steps).not.toContain('ArticlesController.delete');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('adds requests to the live list as they happen, and marks a 401 on JwtAuthGuard', async () => {
    const { page, context } = await openPlayground(browser);
    await openView(page, 'Lifecycle');
    await page.getByText('Live: new requests appear as they happen.').waitFor();

    // Sent from the page, so it carries this browser's playground session and no token.
    await page.evaluate(async () => {
      const session = localStorage.getItem('authlab.playground-session') ?? '';
      await fetch('/api/users', { headers: { 'X-Playground-Session': session } });
    });

    const newest = page
      .getByRole('list', { name: 'Recent requests, newest first' })
      .getByRole('link')
      .first();
    await expect.poll(() => newest.textContent(), { timeout: 10_000 }).toContain('GET /api/users');
    await newest.click();
    const decider = page.locator('.trace-panel [aria-current="step"]');
    await expect.poll(() => decider.getAttribute('data-step')).toBe('JwtAuthGuard');
    await context.close();
  });

  it("hides the playground's own calls until asked, and shows the learner's own GET /api/auth/me", async () => {
    const { page, context, pageErrors } = await openPlayground(browser);
    await signIn(page, 'writer');
    // "Who am I?" asked the API by itself: a background call.
    await page
      .getByRole('region', { name: /Who am I\?/ })
      .getByText('read, create, update, delete')
      .waitFor();

    await openView(page, 'Request builder');
    await page.getByLabel('Method').selectOption('GET');
    await page.getByLabel('Path').fill('/api/auth/me');
    await page.getByLabel('Send as').selectOption({ label: 'my current token' });
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('region', { name: 'Response of GET /api/auth/me' }).waitFor();

    await openView(page, 'Lifecycle');
    const list = page.getByRole('list', { name: 'Recent requests, newest first' });
    const paths = () =>
      list
        .locator('.trace-link-path')
        .evaluateAll((items) => items.map((item) => item.textContent?.trim()));
    await expect.poll(paths, { timeout: 10_000 }).toContain('GET /api/auth/me');
    const shown = await paths();
    expect(shown.filter((path) => path === 'GET /api/auth/me')).toHaveLength(1);
    expect(shown).not.toContain('GET /api/health');
    expect(shown).not.toContain('GET /api/clock');

    const toggle = page.getByRole('checkbox', { name: /Show the playground’s own calls/ });
    expect(await toggle.locator('xpath=..').textContent()).toMatch(/: \d+ hidden$/);
    await toggle.check();
    await expect.poll(paths, { timeout: 10_000 }).toContain('GET /api/health');
    const all = await paths();
    expect(all.filter((path) => path === 'GET /api/auth/me').length).toBeGreaterThanOrEqual(2);
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('compares two requests side by side: a genuine token and the same token tampered with, its later checks "not checked"', async () => {
    const { page, context, pageErrors } = await openPlayground(browser);
    await signIn(page, 'user');
    // Both sent from the page with the playground's token: as is, then with its payload changed.
    await page.evaluate(async () => {
      const session = localStorage.getItem('authlab.playground-session') ?? '';
      const token = (
        JSON.parse(sessionStorage.getItem('authlab.session') ?? '{}') as {
          accessToken: string;
        }
      ).accessToken;
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(atob(payload!.replace(/-/g, '+').replace(/_/g, '/'))) as Record<
        string,
        unknown
      >;
      const forged = btoa(JSON.stringify({ ...claims, role: 'admin' }))
        .replace(/=+$/, '')
        .replace(/\+/g, '-')
        .replace(/\//g, '_');
      const send = (value: string) =>
        fetch('/api/articles', {
          headers: { 'X-Playground-Session': session, authorization: `Bearer ${value}` },
        });
      await send(token);
      await send(`${header}.${forged}.${signature}`);
    });

    await openView(page, 'Lifecycle');
    const compare = page.getByRole('region', { name: 'Compare two requests' });
    const picker = compare.getByLabel('Request A');
    await expect
      .poll(() => picker.locator('option').allTextContents(), { timeout: 10_000 })
      .toEqual(expect.arrayContaining([expect.stringMatching(/^GET \/api\/articles · 401/)]));
    const options = await picker.locator('option').allTextContents();
    const genuine = options.find((text) => /^GET \/api\/articles · 200/.test(text))!;
    const tampered = options.find((text) => /^GET \/api\/articles · 401/.test(text))!;
    await picker.selectOption({ label: genuine });
    await compare.getByLabel('Request B').selectOption({ label: tampered });

    const table = compare.getByRole('table');
    await table.waitFor();
    expect(await compare.locator('.compare-summary').textContent()).toMatch(
      /^\d+ differences, marked below\.$/,
    );
    const guard = table.locator('tr[data-step="JwtAuthGuard"]');
    expect(await guard.textContent()).toContain('≠ differs');
    const [a, b] = await guard
      .locator('xpath=following-sibling::tr[1]/td')
      .evaluateAll((cells) => cells.map((cell) => cell.textContent ?? ''));
    expect(a).toContain('✓ passed');
    expect(b).toContain('✗ refused');
    // Checks after the failed signature never ran: marked "not checked", and marked as a difference.
    expect(b).toMatch(/– not checked \(differs\)/);
    expect(a).not.toContain('not checked');
    // The handler ran for the genuine token only.
    expect(await table.getByText('Not reached (differs)').count()).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
