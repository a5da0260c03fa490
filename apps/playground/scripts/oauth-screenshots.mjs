// Screenshots of authlab's consent page and the playground's "Connected applications" list after a
// real authorization, in light and dark, at phone and laptop widths, saved in docs/screenshots/.
// Usage: node scripts/oauth-screenshots.mjs (the API and the playground must be built).
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { playgroundDir, startApi } from '../e2e/support/api-process.mjs';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/support/chromium.mjs';

const outDir = path.resolve(playgroundDir, '../../docs/screenshots');
const api = await startApi();
const browser = await chromium.launch({
  executablePath: chromiumPath(),
  args: CHROMIUM_ARGS,
  headless: true,
});

const signIn = await globalThis.fetch(`${api.origin}/api/auth/signin`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ username: 'admin', password: 'admin-demo-password' }),
});
const { accessToken } = await signIn.json();
const registered = await globalThis.fetch(`${api.origin}/api/oauth/clients`, {
  method: 'POST',
  headers: { Authorization: `Bearer ${accessToken}`, 'Content-Type': 'application/json' },
  body: JSON.stringify({
    name: 'Article Helper',
    type: 'public',
    redirectUris: ['http://127.0.0.1:4100/callback'],
    scope: ['read', 'create'],
  }),
});
const app = await registered.json();

function authorizeUrl() {
  const verifier = randomBytes(32).toString('base64url');
  const params = new globalThis.URLSearchParams({
    response_type: 'code',
    client_id: app.clientId,
    redirect_uri: 'http://127.0.0.1:4100/callback',
    scope: 'read create',
    state: randomBytes(16).toString('base64url'),
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  });
  return `${api.origin}/api/oauth/authorize?${params}`;
}

try {
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280, 390]) {
      const context = await browser.newContext({ viewport: { width, height: 800 }, colorScheme });
      const page = await context.newPage();
      await page.goto(authorizeUrl());
      await page.screenshot({
        path: path.join(outDir, `oauth-sign-in-${colorScheme}-${width}.png`),
        fullPage: true,
      });
      await page.getByLabel('Username').fill('writer');
      await page.getByLabel('Password').fill('writer-demo-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('button', { name: 'Allow' }).waitFor();
      await page.screenshot({
        path: path.join(outDir, `oauth-consent-${colorScheme}-${width}.png`),
        fullPage: true,
      });
      // Allowed once, last: a remembered grant would skip the consent page of the next run.
      if (colorScheme === 'dark' && width === 390) {
        // The redirect goes to the application's port, where nothing listens here: only the grant matters.
        await Promise.all([
          page.waitForRequest((request) =>
            request.url().startsWith('http://127.0.0.1:4100/callback'),
          ),
          page.getByRole('button', { name: 'Allow' }).click(),
        ]);
      }
      await context.close();
    }
  }
  for (const colorScheme of ['light', 'dark']) {
    for (const width of [1280]) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
      const page = await context.newPage();
      await page.goto(`${api.origin}/`);
      await page.getByRole('radio', { name: /Bearer token/ }).check();
      await page.getByRole('button', { name: 'Sign in as writer' }).click();
      const panel = page.getByRole('region', { name: /Connected applications/ });
      await panel.getByRole('button', { name: 'Revoke access for Article Helper' }).waitFor();
      await panel.screenshot({
        path: path.join(outDir, `connected-apps-${colorScheme}-${width}.png`),
      });
      await context.close();
    }
  }
} finally {
  await browser.close();
  await api.stop();
}
