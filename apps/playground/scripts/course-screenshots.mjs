// Screenshots of the course's own parts, phone (390 px) and laptop (1280 px), light and dark, saved
// in docs/screenshots/: a knowledge check answered wrongly then rightly, two traces compared, and
// a token refused for its typ whose later checks read "not checked".
// Usage: node scripts/course-screenshots.mjs (the API must be built: npm run build).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { playgroundDir, startApi } from '../e2e/support/api-process.mjs';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium.mjs';

const outDir = path.resolve(playgroundDir, '../../docs/screenshots');
mkdirSync(outDir, { recursive: true });

const api = await startApi();
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: CHROMIUM_ARGS,
  headless: true,
});
const problems = [];

const LAYOUTS = [
  { name: 'phone', width: 390 },
  { name: 'laptop', width: 1280 },
];

async function newPage(colorScheme, width, hash = '') {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    colorScheme,
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console: ${message.text()}`);
  });
  await page.goto(`${api.origin}/${hash}`);
  return page;
}

async function signIn(page, username) {
  await page.getByRole('radio', { name: /Bearer token/ }).check();
  await page.getByRole('button', { name: `Sign in as ${username}` }).click();
  await page.getByText(new RegExp(`Signed in as ${username} `)).waitFor();
}

async function shoot(page, file, locator) {
  await page.mouse.move(0, 0);
  await locator.scrollIntoViewIfNeeded();
  await locator.screenshot({ path: path.join(outDir, file) });
  process.stdout.write(`saved docs/screenshots/${file}\n`);
}

/** Sends GET /api/articles from the page, with the playground's token changed by `change`. */
async function sendFromPage(page, change) {
  await page.evaluate(async (changeName) => {
    const session = globalThis.localStorage.getItem('authlab.playground-session') ?? '';
    const token = JSON.parse(
      globalThis.sessionStorage.getItem('authlab.session') ?? '{}',
    ).accessToken;
    const [header, payload, signature] = token.split('.');
    const decode = (part) =>
      JSON.parse(globalThis.atob(part.replace(/-/g, '+').replace(/_/g, '/')));
    const encode = (value) =>
      globalThis
        .btoa(JSON.stringify(value))
        .replace(/=+$/, '')
        .replace(/\+/g, '-')
        .replace(/\//g, '_');
    const sent = {
      none: token,
      role: `${header}.${encode({ ...decode(payload), role: 'admin' })}.${signature}`,
      typ: `${encode({ ...decode(header), typ: 'JWT' })}.${payload}.${signature}`,
    }[changeName];
    await globalThis.fetch('/api/articles', {
      headers: { 'X-Playground-Session': session, authorization: `Bearer ${sent}` },
    });
  }, change);
}

try {
  for (const scheme of ['light', 'dark'])
    for (const layout of LAYOUTS) {
      const suffix = `${layout.name}-${scheme}.png`;

      // A knowledge check of lesson 6, answered wrongly, then rightly.
      const lesson = await newPage(scheme, layout.width, '#/lessons/rbac-401-versus-403');
      await lesson.getByText('Watching your requests: steps tick as you go.').waitFor();
      const step = lesson
        .getByRole('list', { name: 'Steps' })
        .getByRole('listitem')
        .filter({ has: lesson.getByRole('heading', { name: '401 or 403?' }) });
      await step.getByRole('radio', { name: /^403 — the route is for admins/ }).check();
      await step.getByRole('button', { name: 'Check my answer' }).click();
      await step.getByText('Not right.').waitFor();
      await shoot(lesson, `knowledge-check-wrong-${suffix}`, step);
      await step.getByRole('radio', { name: /^401 with WWW-Authenticate/ }).check();
      await step.getByRole('button', { name: 'Check my answer' }).click();
      await step.getByText('✓ Done').waitFor();
      await shoot(lesson, `knowledge-check-right-${suffix}`, step);
      await lesson.context().close();

      // A genuine token, the same one tampered with, and one refused for its typ.
      // Signed in at laptop width (a phone folds the sign-in away), then shown at the layout's.
      const page = await newPage(scheme, 1280);
      await signIn(page, 'user');
      await sendFromPage(page, 'none');
      await sendFromPage(page, 'role');
      await sendFromPage(page, 'typ');
      await page.setViewportSize({ width: layout.width, height: 900 });
      await page.evaluate(() => {
        globalThis.location.hash = '#/lifecycle';
      });
      const newest = page
        .getByRole('list', { name: 'Recent requests, newest first' })
        .getByRole('link')
        .first();
      await newest.filter({ hasText: '401' }).waitFor();
      await newest.click();
      const flow = page.locator('.trace-panel');
      await flow.getByText('not checked').first().waitFor();
      await shoot(page, `not-checked-${suffix}`, flow);

      const compare = page.getByRole('region', { name: 'Compare two requests' });
      const options = await compare.getByLabel('Request A').locator('option').allTextContents();
      const genuine = options.find((text) => /^GET \/api\/articles · 200/.test(text));
      const forged = options.find((text) => /^GET \/api\/articles · 401/.test(text));
      // The oldest 401 is the role-tampered token: same typ, signature failed.
      const refused = options.filter((text) => /^GET \/api\/articles · 401/.test(text)).at(-1);
      await compare.getByLabel('Request A').selectOption({ label: genuine });
      await compare.getByLabel('Request B').selectOption({ label: refused ?? forged });
      await compare.getByRole('table').waitFor();
      await shoot(page, `trace-compare-${suffix}`, compare);
      await page.context().close();
    }
} finally {
  await browser.close();
  await api.stop();
}

if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exitCode = 1;
}
