import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { openPlayground, signIn } from './browser';

export type ToolName =
  'Token inspector' | 'Token editor' | 'Request builder' | 'Lifecycle' | 'Cookies' | 'RBAC matrix';

export interface SendOptions {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  /** The "Send as" choice as it reads: "nobody (no token)", "writer (role writer)", "my current token"… */
  as?: string;
  /** For "an Authorization header I write". */
  authorization?: string;
  body?: string;
  /** The Content-Type choice as it reads: "JSON", "form (urlencoded)", "text/plain", "no Content-Type". */
  bodyType?: string;
  /** For "Basic credentials I type". */
  basic?: { username: string; password: string };
  /** Let the browser send its cookie instead of a header; `csrf: false` leaves out the X-CSRF-Token header. */
  cookie?: { csrf: boolean };
}

/**
 * A learner in the lesson runner, doing what a person would: sign-in buttons, the request
 * builder, the token editor and inspector, the RBAC matrix. Steps are never ticked by hand.
 */
export class Learner {
  private constructor(
    readonly page: Page,
    readonly context: BrowserContext,
    readonly pageErrors: string[],
  ) {}

  static async open(browser: Browser, lessonId: string): Promise<Learner> {
    const { page, context, pageErrors } = await openPlayground(browser);
    await page.goto(`${page.url().replace(/#.*$/, '')}#/lessons/${lessonId}`);
    // The runner counts requests made after it has loaded this browser's earlier ones.
    await page.getByText('Watching your requests: steps tick as you go.').waitFor();
    return new Learner(page, context, pageErrors);
  }

  async close(): Promise<void> {
    await this.context.close();
  }

  async tool(name: ToolName): Promise<void> {
    await this.page
      .getByRole('group', { name: 'Tool' })
      .getByRole('button', { name, exact: true })
      .click();
  }

  signIn(username: string, delivery?: 'Bearer token' | 'HttpOnly cookie'): Promise<void> {
    return signIn(this.page, username, delivery);
  }

  /** Sends a request from the request builder and returns the response region once its status shows. */
  async send(
    { method, path, as, authorization, body, bodyType, basic, cookie }: SendOptions,
    expectedStatus: number,
  ): Promise<Locator> {
    await this.tool('Request builder');
    const page = this.page;
    await page.getByLabel('Method').selectOption(method);
    await page.getByLabel('Path', { exact: true }).fill(path);
    await page
      .getByRole('radio', { name: cookie ? 'Cookie' : 'Authorization header', exact: true })
      .check();
    if (cookie && method !== 'GET')
      await page
        .getByRole('checkbox', { name: /Send the X-CSRF-Token header/ })
        .setChecked(cookie.csrf);
    if (as !== undefined) await page.getByLabel('Send as').selectOption({ label: as });
    if (authorization !== undefined)
      await page.getByLabel('Authorization header value').fill(authorization);
    if (basic !== undefined) {
      await page.getByLabel('Username or client id').fill(basic.username);
      await page.getByLabel('Password or client secret').fill(basic.password);
    }
    if (bodyType !== undefined)
      await page.getByLabel('Content-Type').selectOption({ label: bodyType });
    if (body !== undefined) await page.getByLabel(/^Body \(/).fill(body);
    const response = page.getByRole('region', { name: `Response of ${method} ${path}` });
    await this.afterNewAnswer(response, () =>
      page.getByRole('button', { name: 'Send request' }).click(),
    );
    await response
      .locator('.response-status .status-badge', { hasText: new RegExp(`^${expectedStatus}\\b`) })
      .waitFor();
    return response;
  }

  /** Runs `action` and, if an earlier answer was on screen, waits until it gives way to the new one. */
  private async afterNewAnswer(response: Locator, action: () => Promise<void>): Promise<void> {
    const previous = (await response.count()) > 0 ? await response.elementHandle() : null;
    await action();
    await previous?.waitForElementState('hidden');
  }

  /** The JSON body of a response region that `send` returned. */
  async json<T>(response: Locator): Promise<T> {
    return JSON.parse((await response.getByLabel('Response body').textContent()) ?? 'null') as T;
  }

  /** Sends the token editor's edited token to one of its targets and waits for the API's verdict. */
  async sendEdited(target: string, expectedStatus: number): Promise<void> {
    await this.page.getByLabel('Send it to').selectOption({ label: target });
    const response = this.page.getByRole('region', { name: `Response of ${target}` });
    await this.afterNewAnswer(response, () =>
      this.page.getByRole('button', { name: 'Send with the edited token' }).click(),
    );
    await response
      .locator('.response-status .status-badge', { hasText: new RegExp(`^${expectedStatus}\\b`) })
      .waitFor();
  }

  /** The edited token's header or payload, changed through its JSON text area. */
  async editJson(
    part: 'Header' | 'Payload',
    change: (value: Record<string, unknown>) => void,
  ): Promise<void> {
    const field = this.page.getByLabel(`${part} (JSON)`);
    const value = JSON.parse(await field.inputValue()) as Record<string, unknown>;
    change(value);
    await field.fill(JSON.stringify(value, null, 2));
  }

  step(title: string): Locator {
    return this.page
      .getByRole('list', { name: 'Steps' })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { name: title }) });
  }

  /** Answers a multiple-choice knowledge check with the option whose label matches. */
  async answer(title: string, option: string | RegExp): Promise<void> {
    const step = this.step(title);
    await step.getByRole('radio', { name: option }).check();
    await step.getByRole('button', { name: 'Check my answer' }).click();
  }

  /** Commits a prediction of a predict-then-send knowledge check (the request is sent next). */
  async commitPrediction(title: string, option: string | RegExp): Promise<void> {
    const step = this.step(title);
    await step.getByRole('radio', { name: option }).check();
    await step.getByRole('button', { name: /^Commit (my|this) prediction$/ }).click();
    await step.getByText(/^Prediction committed:/).waitFor();
  }

  async stepDone(title: string): Promise<void> {
    await this.step(title).getByText('✓ Done').waitFor({ timeout: 10_000 });
  }

  async expectComplete(): Promise<void> {
    await this.page.getByText('Lesson complete').waitFor();
    const steps = this.page
      .getByRole('list', { name: 'Steps' })
      .getByRole('listitem')
      .filter({ has: this.page.getByRole('heading', { level: 3 }) });
    const count = await steps.count();
    expect(count).toBeGreaterThan(0);
    for (let index = 0; index < count; index += 1)
      expect(await steps.nth(index).textContent()).toContain('✓ Done');
    expect(this.pageErrors).toEqual([]);
  }
}
