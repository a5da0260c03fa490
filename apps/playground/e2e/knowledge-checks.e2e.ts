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

const CHOICE = '401 or 403?';
const PREDICT = 'Predict: a user deletes an article that does not exist';

describe('knowledge checks, in Chromium against the real API (lesson 6)', () => {
  it('a multiple-choice question: a wrong answer is explained and does not tick; the right one ticks and stays ticked', async () => {
    const learner = await Learner.open(browser, 'rbac-401-versus-403');
    try {
      const step = learner.step(CHOICE);
      await learner.answer(CHOICE, /^403 — the route is for admins/);
      await step.getByText('Not right.').waitFor();
      expect(await step.textContent()).toContain('An expired token authenticates nobody');
      expect(await step.textContent()).not.toContain('✓ Done');

      await learner.answer(CHOICE, /^401 with WWW-Authenticate/);
      await learner.stepDone(CHOICE);
      // Every option's explanation, once answered rightly.
      expect(await step.locator('.knowledge-explanations li').count()).toBe(3);

      await learner.page.reload();
      await learner.page.getByText('Watching your requests: steps tick as you go.').waitFor();
      await learner.stepDone(CHOICE);
      expect(learner.pageErrors).toEqual([]);
    } finally {
      await learner.close();
    }
  });

  it('a prediction: judged by the request sent after committing it — wrong, then right', async () => {
    const learner = await Learner.open(browser, 'rbac-401-versus-403');
    try {
      const step = learner.step(PREDICT);
      await learner.signIn('user');
      await learner.commitPrediction(PREDICT, /404 Not Found, from the handler/);
      await learner.send(
        { method: 'DELETE', path: '/api/articles/999999', as: 'my current token' },
        403,
      );
      await step
        .getByText('Not what happened: the API answered 403, decided by RolesGuard.')
        .waitFor({ timeout: 10_000 });
      expect(await step.textContent()).toContain('it never runs');
      expect(await step.textContent()).not.toContain('✓ Done');

      await learner.commitPrediction(PREDICT, /403 Forbidden, from RolesGuard/);
      // The request sent before this prediction does not confirm it.
      await step.getByText(/^Now send the request:/).waitFor();
      await learner.send(
        { method: 'DELETE', path: '/api/articles/999999', as: 'my current token' },
        403,
      );
      await learner.stepDone(PREDICT);
      await step.getByText('Right. The API answered 403, decided by RolesGuard.').waitFor();
      expect(learner.pageErrors).toEqual([]);
    } finally {
      await learner.close();
    }
  });
});
