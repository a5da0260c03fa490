import { useId, useState } from 'react';
import { DEMO_USERS } from '@authlab/shared';
import { ResponseView } from '../../../components/ResponseView';
import { TraceById } from '../../../components/TraceById';
import { UseTokenFromResponse } from '../../../components/UseTokenFromResponse';
import type { HttpMethod } from '../../../lib/api-client';
import { useRoutes } from '../../../lib/api/get-routes';
import { playgroundSessionId } from '../../../lib/playground-session';
import type { PlaygroundSession } from '../../../lib/session-store';
import {
  isJson,
  METHODS_WITH_BODY,
  useSendRequest,
  type BodyType,
  type Credential,
} from '../api/send-request';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** "Send as" choices besides nobody and the demo users. */
const CURRENT_TOKEN = ':current-token';
const WRITTEN_HEADER = ':written-header';
const BASIC = ':basic';

const BODY_TYPES: ReadonlyArray<{ value: BodyType; label: string }> = [
  { value: 'application/json', label: 'JSON' },
  { value: 'application/x-www-form-urlencoded', label: 'form (urlencoded)' },
  { value: 'text/plain', label: 'text/plain' },
  { value: 'none', label: 'no Content-Type' },
];

/** Routes to suggest when the API does not publish its route metadata. */
const FALLBACK_PATHS = [
  '/api/auth/me',
  '/api/articles',
  '/api/articles/1',
  '/api/users',
  '/api/users/4/role',
  '/api/health',
];

function exampleBody(method: HttpMethod, path: string): string {
  if (!METHODS_WITH_BODY.includes(method)) return '';
  if (/\/users\/[^/]+\/role$/.test(path)) return JSON.stringify({ role: 'writer' }, null, 2);
  if (/^\/api\/auth\/sign(up|in)$/.test(path))
    return JSON.stringify({ username: 'ada', password: 'analytical engine' }, null, 2);
  if (path === '/api/oauth/token') return 'grant_type=client_credentials';
  if (path.startsWith('/api/articles')) {
    return JSON.stringify(
      method === 'PATCH'
        ? { title: 'A better title' }
        : { title: 'Hello', body: 'Sent from the request builder' },
      null,
      2,
    );
  }
  return '{}';
}

/** Who to send as at first: a chosen token, else the signed-in demo user, else writer. */
function initialSender(
  session: PlaygroundSession | null,
  currentToken: string | undefined,
): string {
  if (currentToken && currentToken !== session?.accessToken) return CURRENT_TOKEN;
  if (
    session?.delivery === 'bearer' &&
    DEMO_USERS.some((user) => user.username === session.username)
  )
    return session.username;
  return currentToken ? CURRENT_TOKEN : 'writer';
}

interface RequestBuilderProps {
  session: PlaygroundSession | null;
  /** The playground's current token (the session's, or one the learner chose), offered as "my current token". */
  currentToken?: string | undefined;
}

/** Any route, as any demo user or nobody, with the token in the header or the cookie. */
export function RequestBuilder({
  session,
  currentToken = session?.accessToken,
}: RequestBuilderProps) {
  const id = useId();
  const routes = useRoutes();
  const [method, setMethod] = useState<HttpMethod>('GET');
  const [path, setPath] = useState('/api/articles');
  const [who, setWho] = useState(() => initialSender(session, currentToken));
  const [carrier, setCarrier] = useState<'header' | 'cookie'>('header');
  const [authorization, setAuthorization] = useState('Bearer ');
  const [basicUser, setBasicUser] = useState('');
  const [basicPassword, setBasicPassword] = useState('');
  const [sendCsrf, setSendCsrf] = useState(true);
  const [bodyType, setBodyType] = useState<BodyType>('application/json');
  const [bodyText, setBodyText] = useState('');
  const [bodyEdited, setBodyEdited] = useState(false);
  const [bodyFor, setBodyFor] = useState('');
  const send = useSendRequest();

  // Suggest an example body when the method or path changes, unless the learner has typed one.
  const bodyKey = `${method} ${path}`;
  if (bodyKey !== bodyFor) {
    setBodyFor(bodyKey);
    if (!bodyEdited || bodyText.trim() === '') setBodyText(exampleBody(method, path));
  }

  const suggestions = routes.data
    ? [...new Set(routes.data.routes.map((route) => route.path))]
    : FALLBACK_PATHS;
  const cookieSession = session?.delivery === 'cookie' ? session : null;
  // The current token may be gone (signed out) while "my current token" is still selected.
  const sendAs = who === CURRENT_TOKEN && !currentToken ? '' : who;
  const credential: Credential =
    carrier === 'cookie'
      ? { kind: 'cookie', csrf: sendCsrf }
      : sendAs === ''
        ? { kind: 'none' }
        : sendAs === CURRENT_TOKEN
          ? { kind: 'token', token: currentToken! }
          : sendAs === WRITTEN_HEADER
            ? { kind: 'header', authorization }
            : sendAs === BASIC
              ? { kind: 'basic', username: basicUser, password: basicPassword }
              : { kind: 'bearer', username: sendAs };
  const hasBody = METHODS_WITH_BODY.includes(method);
  const bodyIsBrokenJson =
    hasBody && bodyType === 'application/json' && bodyText.trim() !== '' && !isJson(bodyText);

  const authorizationPreview: Partial<Record<Credential['kind'], string>> = {
    bearer: `Authorization: Bearer <${sendAs}'s access token>`,
    token: 'Authorization: Bearer <the current token>',
    header: `Authorization: ${authorization.trim()}`,
    basic: `Authorization: Basic <base64 of "${basicUser}:${'•'.repeat(basicPassword.length)}">`,
  };
  const preview = [
    `${method} ${path} HTTP/1.1`,
    'Accept: application/json',
    ...(authorizationPreview[credential.kind] ? [authorizationPreview[credential.kind]!] : []),
    ...(hasBody && bodyText.trim() !== '' && bodyType !== 'none'
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

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Request builder</h2>
      <form
        className="request-form"
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate({ method, path, credential, bodyText, bodyType });
        }}
      >
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-method`}>Method</label>
            <select
              id={`${id}-method`}
              value={method}
              onChange={(event) => setMethod(event.target.value as HttpMethod)}
            >
              {METHODS.map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          </div>
          <div className="field grow">
            <label htmlFor={`${id}-path`}>Path</label>
            <input
              id={`${id}-path`}
              className="mono"
              list={`${id}-paths`}
              spellCheck={false}
              value={path}
              onChange={(event) => setPath(event.target.value)}
            />
            <datalist id={`${id}-paths`}>
              {suggestions.map((candidate) => (
                <option key={candidate} value={candidate} />
              ))}
            </datalist>
          </div>
        </div>
        <div className="field-row">
          <fieldset className="inline-options">
            <legend>Token travels in</legend>
            <label className="radio">
              <input
                type="radio"
                name={`${id}-carrier`}
                value="header"
                checked={carrier === 'header'}
                onChange={() => setCarrier('header')}
              />
              Authorization header
            </label>
            <label className="radio">
              <input
                type="radio"
                name={`${id}-carrier`}
                value="cookie"
                checked={carrier === 'cookie'}
                onChange={() => setCarrier('cookie')}
              />
              Cookie
            </label>
          </fieldset>
          {carrier === 'header' ? (
            <div className="field">
              <label htmlFor={`${id}-who`}>Send as</label>
              <select
                id={`${id}-who`}
                aria-describedby={`${id}-who-hint`}
                value={sendAs}
                onChange={(event) => setWho(event.target.value)}
              >
                <option value="">nobody (no token)</option>
                {DEMO_USERS.map((user) => (
                  <option key={user.username} value={user.username}>
                    {user.username} (role {user.role})
                  </option>
                ))}
                {currentToken && <option value={CURRENT_TOKEN}>my current token</option>}
                <option value={BASIC}>Basic credentials I type</option>
                <option value={WRITTEN_HEADER}>an Authorization header I write</option>
              </select>
              <p className="hint" id={`${id}-who-hint`}>
                {sendAs === ''
                  ? 'Sent with no Authorization header and no cookies, whatever this browser holds.'
                  : 'Sent without the browser’s cookies, so only this header speaks for you.'}
              </p>
            </div>
          ) : (
            <p className="hint cookie-hint">
              {cookieSession
                ? `The browser sends ${cookieSession.username}'s cookie by itself; the page cannot choose or read it.`
                : 'No cookie session: sign in above with “HttpOnly cookie” first, or the request goes out with no credentials.'}
            </p>
          )}
        </div>
        {sendAs === WRITTEN_HEADER && carrier === 'header' && (
          <div className="field">
            <label htmlFor={`${id}-authorization`}>Authorization header value</label>
            <input
              id={`${id}-authorization`}
              className="mono"
              spellCheck={false}
              autoComplete="off"
              value={authorization}
              onChange={(event) => setAuthorization(event.target.value)}
            />
          </div>
        )}
        {sendAs === BASIC && carrier === 'header' && (
          <div className="field-row">
            <div className="field grow">
              <label htmlFor={`${id}-basic-user`}>Username or client id</label>
              <input
                id={`${id}-basic-user`}
                className="mono"
                spellCheck={false}
                autoComplete="off"
                value={basicUser}
                onChange={(event) => setBasicUser(event.target.value)}
              />
            </div>
            <div className="field grow">
              <label htmlFor={`${id}-basic-password`}>Password or client secret</label>
              <input
                id={`${id}-basic-password`}
                className="mono"
                type="password"
                autoComplete="off"
                value={basicPassword}
                onChange={(event) => setBasicPassword(event.target.value)}
              />
            </div>
          </div>
        )}
        {carrier === 'cookie' && method !== 'GET' && (
          <label className="radio">
            <input
              type="checkbox"
              checked={sendCsrf}
              onChange={(event) => setSendCsrf(event.target.checked)}
            />
            <span>
              Send the X-CSRF-Token header{' '}
              <span className="hint">
                — untick it to send what another site’s page could: the cookie alone
              </span>
            </span>
          </label>
        )}
        {hasBody && (
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-body-type`}>Content-Type</label>
              <select
                id={`${id}-body-type`}
                value={bodyType}
                onChange={(event) => setBodyType(event.target.value as BodyType)}
              >
                {BODY_TYPES.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}
        {hasBody && (
          <div className="field">
            <label htmlFor={`${id}-body`}>
              Body ({BODY_TYPES.find((option) => option.value === bodyType)!.label})
            </label>
            <textarea
              id={`${id}-body`}
              className="mono"
              rows={5}
              spellCheck={false}
              value={bodyText}
              onChange={(event) => {
                setBodyText(event.target.value);
                setBodyEdited(true);
              }}
              aria-describedby={bodyIsBrokenJson ? `${id}-body-problem` : undefined}
            />
            {bodyIsBrokenJson && (
              <p id={`${id}-body-problem`} className="hint">
                This is not valid JSON. It is sent as typed: see which step of the API refuses it.
              </p>
            )}
          </div>
        )}
        <details>
          <summary>The request that will be sent</summary>
          <pre className="json-block" aria-label="Request preview">
            <code>{preview}</code>
          </pre>
        </details>
        <button type="submit" className="primary">
          Send request
        </button>
      </form>
      {send.isPending && <p role="status">Sending…</p>}
      {send.isError && <p className="notice notice-error">{send.error.message}</p>}
      {send.data && (
        <div className="request-result">
          <h3>Response</h3>
          <ResponseView
            response={send.data.response}
            label={`Response of ${send.variables.method} ${send.variables.path}`}
          />
          <UseTokenFromResponse
            body={send.data.response.body}
            from={`${send.variables.method} ${send.variables.path}`}
          />
          {send.data.response.traceId && (
            <>
              <h3>Lifecycle</h3>
              <TraceById
                traceId={send.data.response.traceId}
                {...(send.data.token ? { token: send.data.token } : {})}
              />
            </>
          )}
        </div>
      )}
    </section>
  );
}
