import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { NotConnected, type AuthlabConnection, type BrowserSession } from './authlab-connection.js';
import { renderPage, type ArticleSummary } from './page.js';

const SESSION_COOKIE = 'article_helper_session';

function readBody(request: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      text += chunk;
      if (text.length > 100_000) request.destroy(new Error('Body too large'));
    });
    request.on('end', () => resolve(new URLSearchParams(text)));
    request.on('error', reject);
  });
}

/**
 * The application's web server. Each browser gets a random session id in a cookie; its tokens
 * stay here, in memory. SameSite=Lax: the cookie must come back on authlab's redirect to the
 * callback (a top-level navigation from another site), and not on another site's POST.
 * The connection to authlab may still be being set up when the server starts listening (its
 * redirect URI names the port it got).
 */
export function createAppServer(connecting: Promise<AuthlabConnection>): Server {
  const sessions = new Map<string, BrowserSession>();

  function sessionOf(request: IncomingMessage, response: ServerResponse): BrowserSession {
    const id = /(?:^|;\s*)article_helper_session=([A-Za-z0-9_-]{43})/.exec(
      request.headers.cookie ?? '',
    )?.[1];
    const existing = id === undefined ? undefined : sessions.get(id);
    if (existing) return existing;
    const fresh: BrowserSession = {};
    const newId = randomBytes(32).toString('base64url');
    sessions.set(newId, fresh);
    response.setHeader('Set-Cookie', `${SESSION_COOKIE}=${newId}; Path=/; HttpOnly; SameSite=Lax`);
    return fresh;
  }

  const redirect = (response: ServerResponse, location: string) => {
    response.writeHead(303, { Location: location }).end();
  };

  async function home(session: BrowserSession, response: ServerResponse): Promise<void> {
    let articles: ArticleSummary[] | undefined;
    if (session.tokens) {
      try {
        const listed = await connection.call(session, 'GET', '/api/articles');
        articles = listed.ok ? ((await listed.json()) as ArticleSummary[]) : [];
      } catch (error) {
        if (!(error instanceof NotConnected)) throw error;
      }
    }
    const html = renderPage(session, articles);
    session.notice = undefined;
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(html);
  }

  let connection: AuthlabConnection;

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    connection = await connecting;
    const url = new URL(request.url ?? '/', 'http://app.invalid');
    const session = sessionOf(request, response);
    if (request.method === 'GET' && url.pathname === '/') return home(session, response);
    if (request.method === 'GET' && url.pathname === '/connect')
      return redirect(response, await connection.authorizationUrl(session, 'read create'));
    if (request.method === 'GET' && url.pathname === '/callback') {
      try {
        // openid-client compares the callback with the registered redirect URI's origin and path.
        await connection.finish(
          session,
          new URL(`${url.pathname}${url.search}`, connection.redirectUri),
        );
      } catch (error) {
        session.notice = error instanceof Error ? error.message : String(error);
      }
      return redirect(response, '/');
    }
    if (request.method === 'POST' && url.pathname === '/drafts') {
      const form = await readBody(request);
      try {
        const created = await connection.call(session, 'POST', '/api/articles', {
          title: form.get('title') ?? '',
          body: form.get('body') ?? '',
          status: 'draft',
        });
        session.notice = created.ok
          ? 'Saved as a draft in authlab.'
          : `authlab refused the draft (${created.status}).`;
      } catch (error) {
        if (!(error instanceof NotConnected)) throw error;
      }
      return redirect(response, '/');
    }
    if (request.method === 'POST' && url.pathname === '/disconnect') {
      await connection.disconnect(session);
      session.notice = 'Disconnected: authlab revoked this application’s tokens.';
      return redirect(response, '/');
    }
    response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
  }

  return createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain' });
      response.end('Something went wrong talking to authlab.');
    });
  });
}
