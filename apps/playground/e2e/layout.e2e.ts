import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { playgroundDir } from './support/api-process.mjs';
import { launchBrowser, openView, signIn } from './support/browser';
import { layoutProblems } from './support/layout-problems';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** A phone, a small laptop, a laptop, a projector or large screen. */
const SIZES = [
  { width: 390, height: 844 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
] as const;

/** Not committed: looked at by a person after a run (test-results is ignored by git). */
const shotsDir = path.join(playgroundDir, 'test-results/layout');

async function openPage(
  size: { width: number; height: number },
  colorScheme: 'light' | 'dark',
): Promise<Page> {
  const context = await browser.newContext({
    viewport: size,
    colorScheme,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  await page.goto(`${inject('apiOrigin')}/`);
  return page;
}

/** On a narrow screen the session controls sit behind one line; open it to sign in. */
async function openSessionControls(page: Page): Promise<void> {
  const closed = page.locator('details.session-drawer:not([open]) > summary');
  if ((await closed.count()) > 0) await closed.click();
}

/** Signs in as a person on a phone would: open the session line, sign in, fold it again. */
async function signInAs(
  page: Page,
  username: string,
  delivery?: 'Bearer token' | 'HttpOnly cookie',
): Promise<void> {
  await openSessionControls(page);
  await signIn(page, username, delivery);
  const open = page.locator('details.session-drawer[open] > summary');
  if ((await open.count()) > 0 && (await open.isVisible())) await open.click();
}

async function openLessonWithMatrix(page: Page): Promise<void> {
  await page.goto(`${inject('apiOrigin')}/#/lessons/rbac-401-versus-403`);
  await page.getByText('Watching your requests: steps tick as you go.').waitFor();
  await page
    .getByRole('group', { name: 'Tool' })
    .getByRole('button', { name: 'RBAC matrix', exact: true })
    .click();
  await page.getByRole('region', { name: 'Routes by role' }).waitFor();
}

describe.each(['light', 'dark'] as const)('every view in the %s theme', (colorScheme) => {
  it.each(SIZES)(
    'fits $width px wide with nothing sticking out of the page or its panel',
    async (size) => {
      const page = await openPage(size, colorScheme);
      const found: Record<string, string[]> = {};
      mkdirSync(shotsDir, { recursive: true });
      async function check(name: string): Promise<void> {
        await page.mouse.move(0, 0);
        const problems = await layoutProblems(page);
        if (problems.length > 0) found[name] = problems.slice(0, 6);
        const file = `${size.width}-${colorScheme}-${name.toLowerCase().replace(/\W+/g, '-')}.png`;
        await page.screenshot({ path: path.join(shotsDir, file), fullPage: true });
      }

      await page.locator('#view').getByRole('heading').first().waitFor();
      await check('First page');
      await signInAs(page, 'writer');

      await openView(page, 'Token inspector');
      await page.getByRole('heading', { name: 'Signature check' }).waitFor();
      await check('Token inspector');

      await openView(page, 'Token editor');
      await page.getByRole('heading', { name: 'Edited token' }).waitFor();
      await check('Token editor');

      await openView(page, 'Request builder');
      await page.getByLabel('Method').selectOption('DELETE');
      await page.getByLabel('Path').fill('/api/articles/1');
      await page.getByLabel('Send as').selectOption('editor');
      await page.getByRole('button', { name: 'Send request' }).click();
      await page.getByRole('region', { name: 'Response of DELETE /api/articles/1' }).waitFor();
      await check('Request builder');

      await openView(page, 'Lifecycle');
      await page.locator('.trace-panel .trace').waitFor();
      await check('Lifecycle');

      await openView(page, 'RBAC matrix');
      await page.getByRole('button', { name: /^Send GET \/api\/users as admin:/ }).click();
      await page.getByRole('region', { name: 'Response of GET /api/users admin' }).waitFor();
      await check('RBAC matrix');

      await openView(page, 'Lessons');
      await page.getByRole('list', { name: 'Lessons, in order' }).waitFor();
      await check('Lessons');

      await openLessonWithMatrix(page);
      await page.getByRole('button', { name: /^Send GET \/api\/users as editor:/ }).click();
      await page.getByRole('region', { name: 'Response of GET /api/users editor' }).waitFor();
      await check('Lesson runner with the matrix');

      await openView(page, 'Presenter');
      await page.getByRole('heading', { name: 'Presenter view' }).waitFor();
      await check('Presenter');

      await signInAs(page, 'editor', 'HttpOnly cookie');
      await openView(page, 'Cookies');
      await page.getByRole('article', { name: 'Cookie authlab_access' }).waitFor();
      await page
        .getByText(/received \(\d+ characters\)/)
        .first()
        .waitFor();
      await check('Cookies');

      expect(found).toEqual({});
      await page.context().close();
    },
    180_000,
  );
});

interface FrameGeometry {
  /** The frame's content is wider than the frame (it scrolls sideways). */
  scrolls: boolean;
  scrollLeft: number;
  /** How far the first route cell sits from the frame's left edge, in px. */
  routeOffset: number;
  /** The pinned route column's right edge and the frame's right edge, in px. */
  routeRight: number;
  frameRight: number;
  pageScrollX: number;
  pageOverflow: number;
}

/** The matrix frame's geometry, after scrolling it sideways by `scrollTo` (px; 'end' for all the way). */
async function frameGeometry(page: Page, scrollTo?: number | 'end'): Promise<FrameGeometry> {
  return page.getByRole('region', { name: 'Routes by role' }).evaluate((frame, to) => {
    if (to !== undefined) frame.scrollLeft = to === 'end' ? frame.scrollWidth : to;
    const route = frame.querySelector('tbody th[scope="row"]')!.getBoundingClientRect();
    const box = frame.getBoundingClientRect();
    const root = document.documentElement;
    return {
      scrolls: frame.scrollWidth > frame.clientWidth,
      scrollLeft: frame.scrollLeft,
      routeOffset: Math.abs(route.left - box.left),
      routeRight: route.right,
      frameRight: box.right,
      pageScrollX: globalThis.scrollX,
      pageOverflow: root.scrollWidth - root.clientWidth,
    };
  }, scrollTo);
}

/** Where a cell's button sits, in px from the left of the viewport. */
async function cellBox(page: Page, name: RegExp): Promise<{ left: number; right: number }> {
  return page.getByRole('button', { name }).evaluate((button) => {
    const { left, right } = button.getBoundingClientRect();
    return { left, right };
  });
}

describe('the RBAC matrix in its own frame', () => {
  it('fits beside a lesson at 1440×900: every role column shows without scrolling', async () => {
    const page = await openPage({ width: 1440, height: 900 }, 'light');
    await openLessonWithMatrix(page);
    const geometry = await frameGeometry(page);
    expect(geometry.scrolls).toBe(false);
    const admin = await cellBox(page, /^Send GET \/api\/users as admin:/);
    expect(admin.right).toBeLessThanOrEqual(geometry.frameRight);
    await page.getByRole('button', { name: /^Send GET \/api\/users as admin:/ }).click();
    await page.getByRole('region', { name: 'Response of GET /api/users admin' }).waitFor();
    expect(await frameGeometry(page)).toMatchObject({ scrollLeft: 0, pageOverflow: 0 });
    await page.context().close();
  });

  it('keeps the route column pinned and the page still at 1280×720 when a far cell is pressed', async () => {
    const page = await openPage({ width: 1280, height: 720 }, 'dark');
    await openLessonWithMatrix(page);
    const scrolled = await frameGeometry(page, 'end');
    expect(scrolled.routeOffset).toBeLessThanOrEqual(1);

    await frameGeometry(page, 0);
    const name = /^Send DELETE \/api\/articles\/:id as admin:/;
    await page.getByRole('button', { name }).click();
    await page
      .getByRole('region', { name: 'Response of DELETE /api/articles/:id admin' })
      .waitFor();
    const after = await frameGeometry(page);
    expect(after).toMatchObject({ pageScrollX: 0, pageOverflow: 0 });
    expect(after.routeOffset).toBeLessThanOrEqual(1);
    // The pressed cell is whole, clear of the pinned column: no route shows as a fragment.
    const cell = await cellBox(page, name);
    expect(cell.left).toBeGreaterThanOrEqual(after.routeRight - 1);
    expect(cell.right).toBeLessThanOrEqual(after.frameRight + 1);
    await page.context().close();
  });

  it('reaches every role column at 390 px by scrolling inside the frame, the route column pinned', async () => {
    const page = await openPage({ width: 390, height: 844 }, 'light');
    await openView(page, 'RBAC matrix');
    await page.getByRole('region', { name: 'Routes by role' }).waitFor();
    const start = await frameGeometry(page, 0);
    expect(start.scrolls).toBe(true);
    const end = await frameGeometry(page, 'end');
    expect(end.scrollLeft).toBeGreaterThan(0);
    expect(end.routeOffset).toBeLessThanOrEqual(1);
    const admin = await cellBox(page, /^Send GET \/api\/users as admin:/);
    expect(admin.left).toBeGreaterThanOrEqual(end.routeRight - 1);
    expect(admin.right).toBeLessThanOrEqual(end.frameRight + 1);
    expect(end).toMatchObject({ pageScrollX: 0, pageOverflow: 0 });
    await page.context().close();
  });

  it('puts the views first on a phone: the session controls fold into one line', async () => {
    const page = await openPage({ width: 390, height: 844 }, 'light');
    await signInAs(page, 'writer');
    await openView(page, 'Token inspector');
    await page.getByRole('heading', { name: 'Signature check' }).waitFor();
    const viewTop = await page
      .locator('#view')
      .evaluate((view) => view.getBoundingClientRect().top);
    expect(viewTop).toBeLessThan(844 / 2);
    expect(await page.locator('details.session-drawer > summary').textContent()).toMatch(
      /^Session: writer, Bearer token/,
    );
    await page.context().close();
  });
});
