import { SCOPE_DESCRIPTIONS, type Permission, type Role } from '@authlab/shared';

export interface ConsentPageModel {
  applicationName: string;
  /** Where the user is sent afterwards, shown so they can tell a look-alike application. */
  redirectOrigin: string;
  scope: readonly Permission[];
  /** The authorization request's parameters, carried unchanged to the next step. */
  parameters: Record<string, string>;
  formToken: string;
  /** Absent: the sign-in step. Present: the consent step, for this user. */
  user?: { username: string; role: Role };
  message?: string;
}

export interface ErrorPageModel {
  title: string;
  message: string;
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Every value that reaches the page goes through here: names and parameters come from others. */
function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

const STYLE = `
:root { color-scheme: light dark; --bg: #f6f7f9; --card: #fff; --text: #1c2330; --muted: #5a6478;
  --accent: #2f5bd3; --accent-text: #fff; --border: #d7dce5; --danger: #b42318; }
@media (prefers-color-scheme: dark) { :root { --bg: #11151c; --card: #1a202b; --text: #e6e9ef;
  --muted: #a3adbf; --accent: #7ea2ff; --accent-text: #0d1320; --border: #2e3746; --danger: #ff8a80; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; background: var(--bg);
  color: var(--text); display: flex; justify-content: center; padding: 2rem 1rem; }
main { width: 100%; max-width: 28rem; background: var(--card); border: 1px solid var(--border);
  border-radius: 12px; padding: 1.5rem; }
.brand { font-weight: 700; color: var(--accent); margin: 0 0 1rem; }
h1 { font-size: 1.35rem; line-height: 1.3; margin: 0 0 .75rem; overflow-wrap: anywhere; }
p { margin: .5rem 0; } .muted { color: var(--muted); font-size: .9rem; overflow-wrap: anywhere; }
ul { padding-left: 1.25rem; margin: .5rem 0 1rem; } li { margin: .25rem 0; }
label { display: block; margin: .75rem 0 .25rem; font-weight: 600; }
input[type=text], input[type=password] { width: 100%; padding: .6rem .7rem; font: inherit; color: var(--text);
  background: var(--bg); border: 1px solid var(--border); border-radius: 8px; }
.actions { display: flex; gap: .75rem; margin-top: 1.25rem; flex-wrap: wrap; }
button { font: inherit; font-weight: 600; padding: .6rem 1.1rem; border-radius: 8px; cursor: pointer;
  border: 1px solid var(--border); background: transparent; color: var(--text); }
button.primary { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
.message { color: var(--danger); font-weight: 600; }
`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} · authlab</title>
<style>${STYLE}</style>
</head>
<body><main>
<p class="brand">authlab</p>
${body}
</main></body>
</html>`;
}

function hiddenFields(model: ConsentPageModel): string {
  const fields = Object.entries(model.parameters).map(
    ([name, value]) =>
      `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
  );
  fields.push(`<input type="hidden" name="form_token" value="${escapeHtml(model.formToken)}">`);
  return fields.join('\n');
}

/** The sign-in step and the consent step of the authorization endpoint, one page each. */
export function renderConsentPage(model: ConsentPageModel): string {
  const name = escapeHtml(model.applicationName);
  const abilities = model.scope
    .map((permission) => `<li>${escapeHtml(SCOPE_DESCRIPTIONS[permission])}</li>`)
    .join('');
  const message = model.message
    ? `<p class="message" role="alert">${escapeHtml(model.message)}</p>`
    : '';
  const asks = `<p><strong>${name}</strong> asks to act for you. It will be able to:</p>
<ul>${abilities}</ul>
<p class="muted">Afterwards you are sent back to ${escapeHtml(model.redirectOrigin)}.</p>`;
  if (!model.user) {
    return page(
      `Sign in to continue to ${model.applicationName}`,
      `<h1>Sign in to continue to ${name}</h1>
${asks}
${message}
<form method="post" autocomplete="on">
${hiddenFields(model)}
<label for="username">Username</label>
<input id="username" type="text" name="username" autocomplete="username" required autofocus>
<label for="password">Password</label>
<input id="password" type="password" name="password" autocomplete="current-password" required>
<div class="actions">
<button class="primary" type="submit" name="action" value="signin">Sign in</button>
<button type="submit" name="action" value="deny" formnovalidate>Cancel</button>
</div>
</form>`,
    );
  }
  return page(
    `Allow ${model.applicationName}?`,
    `<h1>Allow ${name} to use your authlab account?</h1>
<p class="muted">Signed in as <strong>${escapeHtml(model.user.username)}</strong> (${escapeHtml(model.user.role)}).</p>
${asks}
<p class="muted">It can never do more than your own role allows. You can take this back at any time under “Connected applications” in the playground, and its access ends at once.</p>
${message}
<form method="post">
${hiddenFields(model)}
<div class="actions">
<button class="primary" type="submit" name="action" value="allow">Allow</button>
<button type="submit" name="action" value="deny">Deny</button>
</div>
</form>`,
  );
}

/** Shown instead of redirecting when the redirect URI cannot be trusted (RFC 6749 §4.1.2.1). */
export function renderErrorPage(model: ErrorPageModel): string {
  return page(
    model.title,
    `<h1>${escapeHtml(model.title)}</h1>
<p>${escapeHtml(model.message)}</p>
<p class="muted">You have not been sent back to the application, because the address it gave could not be trusted.</p>`,
  );
}
