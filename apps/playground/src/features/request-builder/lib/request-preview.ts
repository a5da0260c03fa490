import { playgroundSessionId } from '../../../lib/playground-session';
import type { PlaygroundSession } from '../../../lib/session-store';
import { METHODS_WITH_BODY, type Credential } from '../api/send-request';
import type { RequestForm } from './request-form';

/** The request as it will go out, secrets masked: what the browser adds is said, not guessed. */
export function requestPreview(
  form: RequestForm,
  credential: Credential,
  bodyText: string,
  cookieSession: PlaygroundSession | null,
): string {
  const { method, path, carrier, sendCsrf, bodyType } = form;
  const authorization: Partial<Record<Credential['kind'], string>> = {
    bearer: `Authorization: Bearer <${credential.kind === 'bearer' ? credential.username : ''}'s access token>`,
    token: 'Authorization: Bearer <the current token>',
    header: `Authorization: ${form.authorization.trim()}`,
    basic: `Authorization: Basic <base64 of "${form.basicUser}:${'•'.repeat(form.basicPassword.length)}">`,
  };
  return [
    `${method} ${path} HTTP/1.1`,
    'Accept: application/json',
    ...(authorization[credential.kind] ? [authorization[credential.kind]!] : []),
    ...(METHODS_WITH_BODY.includes(method) && bodyText.trim() !== '' && bodyType !== 'none'
      ? [`Content-Type: ${bodyType}`]
      : []),
    `X-Playground-Session: ${playgroundSessionId()}`,
    ...(carrier === 'cookie' && sendCsrf && method !== 'GET'
      ? ['X-CSRF-Token: <read from the authlab_csrf cookie>']
      : []),
    ...(carrier === 'cookie'
      ? [
          cookieSession
            ? `Cookie: <added by the browser: ${cookieSession.username}'s HttpOnly cookie>`
            : 'Cookie: <whatever the browser holds for this site>',
        ]
      : []),
  ].join('\n');
}
