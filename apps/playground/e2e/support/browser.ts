import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { browserTestPlan, CHROMIUM_ARGS } from './chromium.mjs';

export { E2E_JWT_SECRET } from './api-process.mjs';

export async function launchBrowser(): Promise<Browser> {
  const plan = browserTestPlan();
  // Tests only run without Chromium under CI or CHROMIUM_PATH; fail with what to fix.
  if (!plan.run || plan.missing) throw new Error(plan.run ? plan.missing : plan.reason);
  return chromium.launch({ executablePath: plan.executable, args: CHROMIUM_ARGS, headless: true });
}

export interface PlaygroundPage {
  page: Page;
  context: BrowserContext;
  /** Errors thrown in the page; a test ends by expecting none. */
  pageErrors: string[];
}

/** A fresh browser context (own cookies and storage) on the playground served by the API. */
export async function openPlayground(
  browser: Browser,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<PlaygroundPage> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${inject('apiOrigin')}/`);
  return { page, context, pageErrors };
}

export async function signIn(
  page: Page,
  username: string,
  delivery: 'Bearer token' | 'HttpOnly cookie' = 'Bearer token',
): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(delivery) }).check();
  await page.getByRole('button', { name: `Sign in as ${username}` }).click();
  await page.getByText(new RegExp(`^Signed in as ${username} \\(role ${username}\\)`)).waitFor();
}

export async function openView(page: Page, name: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Views' })
    .getByRole('link', { name, exact: true })
    .click();
}

const axeSource = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** Runs axe-core in the page (evaluated through the DevTools protocol, so the page's CSP still holds). */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }>;
        };
      }
    ).axe.run(document, {
      resultTypes: ['violations'],
    });
    return result.violations;
  });
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.slice(0, 5).map((node) => ({ target: node.target })),
    }));
}
