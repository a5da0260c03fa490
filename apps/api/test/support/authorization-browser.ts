import { PASSWORD } from './users.js';

export type Step =
  | { kind: 'page'; status: number; html: string; hidden: Record<string, string>; headers: Headers }
  | { kind: 'redirect'; status: number; location: string };

const UNESCAPES: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const unescapeHtml = (value: string) =>
  value.replace(/&(amp|lt|gt|quot|#39);/g, (entity) => UNESCAPES[entity] ?? entity);

/**
 * What a browser does on authlab's authorization pages, over real HTTP: keeps the cookies the
 * pages set, posts the forms back with their hidden fields, and stops at the redirect back to
 * the application (which a test then hands to the client library as the callback URL).
 */
export class AuthorizationBrowser {
  private readonly cookies = new Map<string, string>();

  async visit(url: string): Promise<Step> {
    return this.read(url, await fetch(url, { redirect: 'manual', headers: this.cookieHeader() }));
  }

  async submit(url: string, page: Step, fields: Record<string, string>): Promise<Step> {
    if (page.kind !== 'page')
      throw new Error(`Expected a page, got a redirect to ${page.location}`);
    const target = new URL(url);
    const action = `${target.origin}${target.pathname}`;
    const response = await fetch(action, {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Origin: target.origin,
        ...this.cookieHeader(),
      },
      body: new URLSearchParams({ ...page.hidden, ...fields }).toString(),
    });
    return this.read(action, response);
  }

  /** Signs in on the page and, unless the grant is remembered, answers the consent question. */
  async authorize(
    url: string,
    username: string,
    decision: 'allow' | 'deny' = 'allow',
  ): Promise<{ location: string; consentPage?: string }> {
    const signInPage = await this.visit(url);
    const afterSignIn = await this.submit(url, signInPage, {
      action: 'signin',
      username,
      password: PASSWORD,
    });
    if (afterSignIn.kind === 'redirect') return { location: afterSignIn.location };
    const decided = await this.submit(url, afterSignIn, { action: decision });
    if (decided.kind !== 'redirect')
      throw new Error(`No redirect after ${decision}: ${decided.html}`);
    return { location: decided.location, consentPage: afterSignIn.html };
  }

  private cookieHeader(): Record<string, string> {
    if (this.cookies.size === 0) return {};
    return {
      Cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; '),
    };
  }

  private async read(url: string, response: Response): Promise<Step> {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
    if (response.status >= 300 && response.status < 400) {
      return {
        kind: 'redirect',
        status: response.status,
        location: new URL(response.headers.get('location')!, url).href,
      };
    }
    const html = await response.text();
    const hidden: Record<string, string> = {};
    for (const match of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g))
      hidden[unescapeHtml(match[1]!)] = unescapeHtml(match[2]!);
    return { kind: 'page', status: response.status, html, hidden, headers: response.headers };
  }
}
