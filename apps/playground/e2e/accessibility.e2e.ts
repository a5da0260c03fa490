import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  openPlayground,
  openView,
  seriousAxeViolations,
  signIn,
} from './support/browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

const VIEWS = [
  { name: 'Start', ready: 'See how an API decides who you are and what you may do' },
  { name: 'Token inspector', ready: 'Signature check' },
  { name: 'Token editor', ready: 'Edited token' },
  { name: 'Request builder', ready: 'Request builder' },
  { name: 'Lifecycle', ready: 'Request lifecycle' },
  { name: 'Cookies', ready: 'Explain a Set-Cookie header' },
  { name: 'RBAC matrix', ready: 'RBAC matrix' },
  { name: 'Lessons', ready: 'Lessons' },
  { name: 'Presenter', ready: 'Presenter view' },
] as const;

describe.each(['light', 'dark'] as const)('accessibility in the %s theme', (colorScheme) => {
  it('has no serious or critical axe-core violation in any view', async () => {
    const { page, context } = await openPlayground(browser, { colorScheme });
    await signIn(page, 'writer');

    const found: Record<string, unknown> = {};
    for (const view of VIEWS) {
      await openView(page, view.name);
      await page.getByRole('heading', { name: view.ready }).waitFor();
      const violations = await seriousAxeViolations(page);
      if (violations.length > 0) found[view.name] = violations;
    }
    // A lesson beside its tools, with a hint and the solution open.
    await openView(page, 'Lessons');
    await page.getByRole('link', { name: /Anatomy of a JWT/ }).click();
    await page.getByText('Watching your requests: steps tick as you go.').waitFor();
    await page.getByRole('button', { name: 'Show a hint' }).first().click();
    await page.getByRole('button', { name: 'Show the solution' }).first().click();
    const runner = await seriousAxeViolations(page);
    if (runner.length > 0) found['Lesson runner'] = runner;
    expect(found).toEqual({});
    await context.close();
  });
});
