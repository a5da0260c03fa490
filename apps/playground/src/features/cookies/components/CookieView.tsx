import { useId, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useTrace } from '../../../lib/api/get-trace';
import { readDocumentCookies } from '../../../lib/browser-cookies';
import { parseSetCookie } from '../lib/set-cookie';
import type { PlaygroundSession } from '../../../lib/session-store';
import { SESSION_COOKIE_ROLES, unprefixed } from '../../../lib/cookie-mode';
import { useReceivedCookies } from '../api/get-received-cookies';
import { CookieFacts } from './CookieFacts';

const EXAMPLE =
  '__Host-access_token=eyJhbGciOi…; Path=/; Max-Age=900; HttpOnly; Secure; SameSite=Strict';

/** Why a cookie the browser holds did not come along: usually its Path. */
function notReceived(cookie: { attributes: Record<string, string | true> } | undefined): string {
  const path =
    cookie && Object.entries(cookie.attributes).find(([key]) => key.toLowerCase() === 'path')?.[1];
  return typeof path === 'string' && path !== '/'
    ? `not sent here: its Path is ${path}`
    : 'not received';
}

interface CookieViewProps {
  session: PlaygroundSession | null;
}

/** What the server set, what page scripts can see, and what the server received back. */
export function CookieView({ session }: CookieViewProps) {
  const id = useId();
  const [pasted, setPasted] = useState(EXAMPLE);
  const [visibleAt, setVisibleAt] = useState(0);
  const sessionKey = `${session?.username ?? 'nobody'}:${session?.delivery ?? 'none'}:${visibleAt}`;
  const signInTrace = useTrace(session?.delivery === 'cookie' ? session.signInTraceId : undefined);
  const received = useReceivedCookies(sessionKey);
  const visible = readDocumentCookies();
  const setCookies = signInTrace.data?.setCookies ?? [];
  const receivedCookies = received.data?.cookies ?? [];
  const receivedNames = receivedCookies.map((cookie) => cookie.name);
  const names = [
    ...new Set([
      ...setCookies.map((cookie) => cookie.name),
      ...visible.map((cookie) => cookie.name),
      ...receivedNames,
    ]),
  ];
  const parsed = pasted.trim() === '' ? null : parseSetCookie(pasted);

  return (
    <>
      <section className="panel" aria-labelledby={`${id}-set`}>
        <h2 id={`${id}-set`}>Cookies the server set</h2>
        {session?.delivery !== 'cookie' ? (
          <p>
            Not in cookie mode. In the sign-in panel, choose <strong>HttpOnly cookie</strong> and
            sign in: the API then puts the access token in a cookie instead of the response body.
          </p>
        ) : !session.signInTraceId ? (
          <p className="notice notice-info">
            This cookie session began before the page loaded (in another tab, or in this one before
            its record was lost), so the sign-in’s Set-Cookie headers are not at hand. The table
            below shows what the browser sends now.
          </p>
        ) : signInTrace.isPending ? (
          <p role="status">Reading the sign-in response’s trace…</p>
        ) : signInTrace.isError ? (
          <p className="notice notice-info">
            The sign-in trace is not available, so the Set-Cookie attributes cannot be shown.
          </p>
        ) : setCookies.length === 0 ? (
          <p className="notice notice-info">The sign-in response set no cookie.</p>
        ) : (
          <>
            <p className="hint">
              From the trace of the sign-in response (
              <span className="mono">POST /api/auth/signin</span>). Page scripts can never read a
              Set-Cookie header; the trace records names and attributes, never values.
            </p>
            <div className="cookie-grid">
              {setCookies.map((cookie) => (
                <CookieFacts key={cookie.name} cookie={cookie} />
              ))}
            </div>
          </>
        )}
      </section>

      <section className="panel" aria-labelledby={`${id}-compare`}>
        <h2 id={`${id}-compare`}>What JavaScript sees, what the server receives</h2>
        <table className="table table-stack cookie-compare">
          <caption>
            Each cookie: set by the server, readable through document.cookie, received by the server
          </caption>
          <thead>
            <tr>
              <th scope="col">Cookie</th>
              <th scope="col">What it is</th>
              <th scope="col">Set at sign-in</th>
              <th scope="col">document.cookie</th>
              <th scope="col">Server received</th>
            </tr>
          </thead>
          <tbody>
            {names.length === 0 && (
              <tr>
                <td colSpan={5}>No cookies for this site yet.</td>
              </tr>
            )}
            {names.map((name) => {
              const set = setCookies.find((cookie) => cookie.name === name);
              const seen = visible.some((cookie) => cookie.name === name);
              const got = receivedCookies.find((cookie) => cookie.name === name);
              return (
                <tr key={name}>
                  <th scope="row" className="mono">
                    {name}
                  </th>
                  <td data-label="What it is">
                    {SESSION_COOKIE_ROLES[unprefixed(name)] ?? 'not one of the API’s cookies'}
                  </td>
                  <td data-label="Set at sign-in">
                    {set
                      ? Object.keys(set.attributes).some((key) => key.toLowerCase() === 'httponly')
                        ? 'yes, HttpOnly'
                        : 'yes'
                      : '—'}
                  </td>
                  <td className={seen ? '' : 'cell-hidden'} data-label="document.cookie">
                    {seen ? 'visible' : 'hidden from scripts'}
                  </td>
                  <td data-label="Server received">
                    {received.isSuccess
                      ? got
                        ? `received (${got.length} characters)`
                        : notReceived(set)
                      : '?'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        {setCookies.some((cookie) =>
          Object.keys(cookie.attributes).some((key) => key.toLowerCase() === 'httponly'),
        ) && (
          <p className="takeaway">
            The HttpOnly cookies reach the server with every request, yet no script on this page can
            read them: an XSS bug cannot steal the token.
          </p>
        )}
        <p className="hint">
          document.cookie right now:{' '}
          <span className="mono break-anywhere">
            {document.cookie === '' ? '(empty)' : document.cookie}
          </span>
        </p>
        {received.isError && (
          <p className="notice notice-info">
            {received.error instanceof ApiError && received.error.statusCode === 404
              ? 'This API has no cookie echo route yet, so what the server received cannot be shown.'
              : `The cookie echo route answered: ${received.error.message}`}
          </p>
        )}
        <button type="button" onClick={() => setVisibleAt(Date.now())}>
          Look again
        </button>
      </section>

      <section className="panel" aria-labelledby={`${id}-explain`}>
        <h2 id={`${id}-explain`}>Explain a Set-Cookie header</h2>
        <div className="field">
          <label htmlFor={`${id}-header`}>Set-Cookie header</label>
          <textarea
            id={`${id}-header`}
            className="mono"
            rows={2}
            spellCheck={false}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
          />
        </div>
        {parsed && 'problem' in parsed && <p className="notice notice-error">{parsed.problem}</p>}
        {parsed && !('problem' in parsed) && <CookieFacts cookie={parsed} value={parsed.value} />}
      </section>
    </>
  );
}
