import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from './support/browser';
import { Learner } from './support/learner';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('the wordlist cracker, in Chromium against the real API', () => {
  it("cracks the lab's weak-secret token with the built-in wordlist, one Web Crypto HMAC per guess", async () => {
    const learner = await Learner.open(browser, 'attacking-jwts');
    const { page } = learner;
    try {
      await learner.send(
        { method: 'POST', path: '/api/lab/weak-secret/token', as: 'nobody (no token)', body: '' },
        200,
      );
      await page
        .getByRole('button', { name: 'Use this token (token) as my current token' })
        .click();
      await learner.tool('Token inspector');

      await page.getByRole('button', { name: 'Start cracking' }).click();

      const found = page.locator('.cracked-secret');
      await found.waitFor({ timeout: 30_000 });
      expect(await found.textContent()).toBe('secret');
      const progress = page.getByRole('status', { name: 'Cracking progress' });
      expect(await progress.textContent()).toMatch(
        /^Tried [\d,]+ of [\d,]+ words in \d+\.\d s · [\d,]+ guesses per second$/,
      );
      const bar = page.getByRole('progressbar', { name: 'Guesses tried' });
      expect(Number(await bar.getAttribute('value'))).toBeGreaterThan(1000);
      expect(learner.pageErrors).toEqual([]);
    } finally {
      await learner.close();
    }
  });
});
