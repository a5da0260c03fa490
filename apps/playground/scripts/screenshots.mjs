// Visits each view of the playground against the real API and saves a PNG of it in docs/screenshots/.
// Usage: npm run screenshots --workspace @authlab/playground (the API must be built: npm run build).
import { createHmac } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { Buffer } from 'node:buffer';
import process from 'node:process';
import { chromium } from 'playwright-core';
import { E2E_JWT_SECRET, playgroundDir, startApi } from '../e2e/support/api-process.mjs';
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

async function newPage(colorScheme = 'light', width = 1280) {
  // Reduced motion: no button is caught halfway through its hover transition.
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    colorScheme,
    deviceScaleFactor: 1,
    reducedMotion: 'reduce',
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    // A refused request (401, 403) is logged by the browser; that is the lesson, not a fault.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource'))
      problems.push(`console: ${message.text()}`);
  });
  await page.goto(`${api.origin}/`);
  return page;
}

async function signIn(page, username, delivery = 'Bearer token') {
  await page.getByRole('radio', { name: new RegExp(delivery) }).check();
  await page.getByRole('button', { name: `Sign in as ${username}` }).click();
  await page.getByText(new RegExp(`Signed in as ${username} `)).waitFor();
}

async function view(page, name) {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name }).click();
}

/** Tokens of a demo user, straight from the API (for the class's requests below). */
async function tokenOf(username) {
  const response = await globalThis.fetch(`${api.origin}/api/auth/signin`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password: `${username}-demo-password` }),
  });
  return (await response.json()).accessToken;
}

/** A token with one claim changed and its signature kept, as a learner's token editor makes. */
function tampered(token, claims) {
  const [header, payload, signature] = token.split('.');
  const changed = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...claims };
  return `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}.${signature}`;
}

/**
 * A token with claims changed and signed again with the test API's own key: one made for another
 * API that shares the key. Its signature passes, so the audience check runs — and fails.
 */
function resigned(token, claims) {
  const [header, payload] = token.split('.');
  const changed = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), ...claims };
  const input = `${header}.${Buffer.from(JSON.stringify(changed)).toString('base64url')}`;
  const key = Buffer.from(E2E_JWT_SECRET, 'base64');
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
}

/** What a class of learners sends in ten minutes: mostly right, often wrong in the usual ways. */
async function makeClassRequests({ expiredToken } = {}) {
  const call = (path, init = {}) =>
    globalThis.fetch(`${api.origin}${path}`, init).then((response) => response.arrayBuffer());
  const bearer = (token) => ({ headers: { Authorization: `Bearer ${token}` } });
  if (expiredToken) {
    for (let index = 0; index < 6; index += 1) await call('/api/articles', bearer(expiredToken));
    return;
  }
  const writer = await tokenOf('writer');
  const user = await tokenOf('user');
  const rounds = [
    [9, () => call('/api/articles', bearer(resigned(user, { aud: 'another-api' })))],
    [6, () => call('/api/articles')],
    [5, () => call('/api/articles/2', { method: 'DELETE', ...bearer(writer) })],
    [4, () => call('/api/users', bearer(tampered(user, { role: 'admin' })))],
    [
      3,
      () =>
        call('/api/auth/signup', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: '{"username": ',
        }),
    ],
    [12, () => call('/api/articles', bearer(writer))],
  ];
  for (const [times, send] of rounds) for (let index = 0; index < times; index += 1) await send();
}

async function shoot(page, file, locator) {
  await page.mouse.move(0, 0);
  const target = path.join(outDir, file);
  if (locator) await locator.screenshot({ path: target });
  else await page.screenshot({ path: target, fullPage: true });
  process.stdout.write(`saved docs/screenshots/${file}\n`);
}

try {
  // Token inspector: the writer's token, verified with the API's secret.
  let page = await newPage();
  await signIn(page, 'writer');
  await view(page, 'Token inspector');
  await page.getByLabel('Secret', { exact: true }).fill(E2E_JWT_SECRET);
  await page.getByLabel('Secret is').selectOption('base64');
  await page.getByText('✓ Verified').waitFor();
  await shoot(page, 'token-inspector.png', page.locator('#view'));

  // Token editor: role changed to admin, re-signed with the secret, accepted by GET /api/users.
  await view(page, 'Token editor');
  await page.getByLabel('role').selectOption('admin');
  await page.getByRole('radio', { name: /Re-sign with a secret/ }).check();
  await page.getByLabel('Secret to sign with').fill(E2E_JWT_SECRET);
  await page.getByLabel('Secret is').selectOption('base64');
  await page.getByLabel('Send it to').selectOption({ label: 'GET /api/users' });
  await page.getByRole('button', { name: 'Send with the edited token' }).click();
  await page.getByText('The API accepted the token').waitFor();
  await page.getByRole('region', { name: 'Lifecycle of GET /api/users' }).waitFor();
  await shoot(page, 'token-editor.png', page.locator('#view'));

  // Request builder: the writer may not list the accounts (admins only), RolesGuard says why. Sent
  // as the signed-in writer, so the lifecycle view (which reads traces with that token) shows it.
  await view(page, 'Request builder');
  await page.getByLabel('Method').selectOption('GET');
  await page.getByLabel('Path', { exact: true }).fill('/api/users');
  await page.getByLabel('Send as').selectOption('writer');
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.getByRole('region', { name: 'Lifecycle of GET /api/users' }).waitFor();
  await shoot(page, 'request-builder.png', page.locator('#view'));

  // Lifecycle: the same refused request, as a flow, with the live list beside it.
  await page.getByRole('link', { name: 'Open in the lifecycle view' }).click();
  await page.locator('.trace-panel [aria-current="step"]').waitFor();
  await shoot(page, 'lifecycle.png', page.locator('#view'));
  await page.context().close();

  // Cookie view: signed in with an HttpOnly cookie.
  page = await newPage();
  await signIn(page, 'editor', 'HttpOnly cookie');
  await view(page, 'Cookies');
  await page.getByRole('article', { name: 'Cookie authlab_access' }).waitFor();
  await page
    .getByText(/received \(\d+ characters\)/)
    .first()
    .waitFor();
  await shoot(page, 'cookies.png', page.locator('#view'));
  await page.context().close();

  // RBAC matrix: every cell sent.
  page = await newPage();
  await view(page, 'RBAC matrix');
  await page.getByRole('button', { name: 'Send every cell' }).click();
  // Every cell sent but those that would change things for everyone: the summary names them.
  await page.locator('.send-all-summary').waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: 'Send DELETE /api/articles/:id as editor' }).click();
  await page.getByRole('region', { name: 'Lifecycle of DELETE /api/articles/1' }).waitFor();
  await shoot(page, 'rbac-matrix.png', page.locator('#view'));
  await page.context().close();

  // Lesson runner: lesson 1 half done, a hint revealed, the request builder beside the text.
  page = await newPage();
  await page.goto(`${api.origin}/#/lessons/bearer-tokens`);
  await page.getByText('Watching your requests: steps tick as you go.').waitFor();
  await page.getByLabel('Send as').selectOption({ label: 'nobody (no token)' });
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.getByRole('region', { name: 'Lifecycle of GET /api/articles' }).waitFor();
  await signIn(page, 'user');
  await page.getByText(/^2 of \d+ steps done$/).waitFor();
  const third = page
    .getByRole('list', { name: 'Steps' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: 'Knock again, with the token' }) });
  await third.getByRole('button', { name: 'Show a hint' }).click();
  await third.getByRole('button', { name: 'Show hint 2 of 2' }).click();
  await shoot(page, 'lesson-runner.png', page.locator('#view'));

  // The lesson list, with that progress.
  await view(page, 'Lessons');
  await page.getByRole('list', { name: 'Lessons, in order' }).waitFor();
  await shoot(page, 'lessons.png', page.locator('#view'));
  await page.context().close();

  // Presenter view: the class's failures grouped, the clock fast-forwarded, the demo data reset.
  page = await newPage();
  await signIn(page, 'admin');
  await view(page, 'Presenter');
  await page.getByText(/^\d+ requests?, \d+ refused or failed$/).waitFor();
  // As at the start of an activity: count from now.
  await page.getByRole('button', { name: 'Start counting again' }).click();
  await makeClassRequests();
  // Issued before the fast-forward: it will have expired by the API's clock.
  const soonExpired = await tokenOf('writer');
  await page.getByText('9 requests: audience mismatch', { exact: false }).waitFor();
  await page.getByRole('button', { name: 'Fast-forward 15 minutes' }).click();
  await page.getByText('15 min ahead', { exact: true }).waitFor();
  // An expired token sent after the fast-forward: the class sees expiry happen.
  await makeClassRequests({ expiredToken: soonExpired });
  await page.getByRole('button', { name: 'Reset demo data' }).click();
  await page.getByText(/^Reset demo data: 200/).waitFor();
  await page.getByText(/requests: expired token$/).waitFor();
  await shoot(page, 'presenter.png');
  await page.getByRole('button', { name: 'Reset clock' }).click();
  await page.getByText('Real time', { exact: true }).waitFor();
  await page.context().close();

  // The wordlist cracker after cracking the lab's weak-secret token: phone and laptop, light and dark.
  for (const [scheme, width, device] of [
    ['light', 1280, 'laptop'],
    ['dark', 1280, 'laptop'],
    ['light', 390, 'phone'],
    ['dark', 390, 'phone'],
  ]) {
    page = await newPage(scheme, width);
    await view(page, 'Request builder');
    await page.getByLabel('Method').selectOption('POST');
    await page.getByLabel('Path', { exact: true }).fill('/api/lab/weak-secret/token');
    await page.getByLabel('Send as').selectOption('');
    await page.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('button', { name: 'Use this token (token) as my current token' }).click();
    await view(page, 'Token inspector');
    await page.getByRole('button', { name: 'Start cracking' }).click();
    await page.locator('.cracked-secret').waitFor({ timeout: 60_000 });
    await shoot(page, `secret-cracker-${device}-${scheme}.png`, page.locator('.secret-cracker'));
    await page.context().close();
  }

  // The whole page in the dark theme, at projector text size.
  page = await newPage('dark');
  await page.getByLabel('Text', { exact: true }).selectOption('large');
  await signIn(page, 'user');
  await view(page, 'Request builder');
  await page.getByLabel('Method').selectOption('DELETE');
  await page.getByLabel('Path').fill('/api/articles/1');
  await page.getByLabel('Send as').selectOption('user');
  await page.getByRole('button', { name: 'Send request' }).click();
  await page.getByRole('link', { name: 'Open in the lifecycle view' }).click();
  await page.locator('.trace-panel [aria-current="step"]').waitFor();
  await shoot(page, 'lifecycle-dark-large.png');
  await page.context().close();
} finally {
  await browser.close();
  await api.stop();
}

if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exitCode = 1;
}
