import type { BrowserSession } from './authlab-connection.js';

export interface ArticleSummary {
  id: number;
  title: string;
  status: string;
  authorUsername: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** The application's one page: a connect button, or the user's articles and a draft form. */
export function renderPage(
  session: BrowserSession,
  articles: ArticleSummary[] | undefined,
): string {
  const notice = session.notice
    ? `<p role="status" class="notice">${escapeHtml(session.notice)}</p>`
    : '';
  const body = !session.tokens
    ? `<p>Article Helper drafts articles in authlab for you. It never sees your password: authlab asks you.</p>
<p><a class="button" href="/connect">Connect your authlab account</a></p>`
    : `<p>Connected to authlab with the scope <code>${escapeHtml(session.tokens.scope)}</code>.</p>
<h2>Articles you can read</h2>
<ul>${(articles ?? [])
        .map(
          (article) =>
            `<li>${escapeHtml(article.title)} <small>(${escapeHtml(article.status)}, by ${escapeHtml(article.authorUsername)})</small></li>`,
        )
        .join('')}</ul>
<h2>Draft an article</h2>
<form method="post" action="/drafts">
<label>Title <input name="title" required maxlength="200"></label>
<label>Text <textarea name="body" required></textarea></label>
<button type="submit">Save as a draft in authlab</button>
</form>
<form method="post" action="/disconnect"><button type="submit">Disconnect</button></form>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Article Helper</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}
label{display:block;margin:.5rem 0}input,textarea{display:block;width:100%;font:inherit}
.button,button{display:inline-block;margin:.5rem 0;padding:.5rem 1rem;font:inherit}
.notice{font-weight:600}</style></head>
<body><h1>Article Helper</h1>${notice}${body}</body></html>`;
}
