import { useId, useState } from 'react';
import { DEMO_USERS } from '@authlab/shared';
import { ResponseView } from '../../../components/ResponseView';
import { TraceById } from '../../../components/TraceById';
import type { HttpMethod } from '../../../lib/api-client';
import { useRoutes } from '../../../lib/api/get-routes';
import { playgroundSessionId } from '../../../lib/playground-session';
import type { PlaygroundSession } from '../../../lib/session-store';
import { METHODS_WITH_BODY, useSendRequest, type Credential } from '../api/send-request';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Routes to suggest when the API does not publish its route metadata. */
const FALLBACK_PATHS = ['/api/auth/me', '/api/articles', '/api/articles/1', '/api/users', '/api/users/4/role', '/api/health'];

function exampleBody(method: HttpMethod, path: string): string {
  if (!METHODS_WITH_BODY.includes(method)) return '';
  if (/\/users\/[^/]+\/role$/.test(path)) return JSON.stringify({ role: 'writer' }, null, 2);
  if (path.startsWith('/api/articles')) {
    return JSON.stringify(method === 'PATCH' ? { title: 'A better title' } : { title: 'Hello', body: 'Sent from the request builder' }, null, 2);
  }
  return '{}';
}

interface RequestBuilderProps {
  session: PlaygroundSession | null;
}

/** Any route, as any demo user or nobody, with the token in the header or the cookie. */
export function RequestBuilder({ session }: RequestBuilderProps) {
  const id = useId();
  const routes = useRoutes();
  const [method, setMethod] = useState<HttpMethod>('GET');
  const [path, setPath] = useState('/api/articles');
  const [who, setWho] = useState(session?.delivery === 'bearer' ? session.username : 'writer');
  const [carrier, setCarrier] = useState<'header' | 'cookie'>('header');
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

  const suggestions = routes.data ? [...new Set(routes.data.routes.map((route) => route.path))] : FALLBACK_PATHS;
  const cookieSession = session?.delivery === 'cookie' ? session : null;
  const credential: Credential = carrier === 'cookie' ? { kind: 'cookie' } : who === '' ? { kind: 'none' } : { kind: 'bearer', username: who };
  const hasBody = METHODS_WITH_BODY.includes(method);

  const preview = [
    `${method} ${path} HTTP/1.1`,
    'Accept: application/json',
    ...(credential.kind === 'bearer' ? [`Authorization: Bearer <${who}'s access token>`] : []),
    ...(hasBody ? ['Content-Type: application/json'] : []),
    `X-Playground-Session: ${playgroundSessionId()}`,
    ...(carrier === 'cookie' ? [cookieSession ? `Cookie: <added by the browser: ${cookieSession.username}'s HttpOnly cookie>` : 'Cookie: <whatever the browser holds for this site>'] : []),
  ].join('\n');

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Request builder</h2>
      <form
        className="request-form"
        onSubmit={(event) => {
          event.preventDefault();
          send.mutate({ method, path, credential, bodyText });
        }}
      >
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${id}-method`}>Method</label>
            <select id={`${id}-method`} value={method} onChange={(event) => setMethod(event.target.value as HttpMethod)}>
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
              <input type="radio" name={`${id}-carrier`} value="header" checked={carrier === 'header'} onChange={() => setCarrier('header')} />
              Authorization header
            </label>
            <label className="radio">
              <input type="radio" name={`${id}-carrier`} value="cookie" checked={carrier === 'cookie'} onChange={() => setCarrier('cookie')} />
              Cookie
            </label>
          </fieldset>
          {carrier === 'header' ? (
            <div className="field">
              <label htmlFor={`${id}-who`}>Send as</label>
              <select id={`${id}-who`} value={who} onChange={(event) => setWho(event.target.value)}>
                <option value="">nobody (no token)</option>
                {DEMO_USERS.map((user) => (
                  <option key={user.username} value={user.username}>
                    {user.username} (role {user.role})
                  </option>
                ))}
              </select>
            </div>
          ) : (
            <p className="hint cookie-hint">
              {cookieSession
                ? `The browser sends ${cookieSession.username}'s cookie by itself; the page cannot choose or read it.`
                : 'No cookie session: sign in above with “HttpOnly cookie” first, or the request goes out with no credentials.'}
            </p>
          )}
        </div>
        {hasBody && (
          <div className="field">
            <label htmlFor={`${id}-body`}>Body (JSON)</label>
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
            />
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
          <ResponseView response={send.data.response} label={`Response of ${send.variables.method} ${send.variables.path}`} />
          {send.data.response.traceId && (
            <>
              <h3>Lifecycle</h3>
              <TraceById traceId={send.data.response.traceId} />
            </>
          )}
        </div>
      )}
    </section>
  );
}
