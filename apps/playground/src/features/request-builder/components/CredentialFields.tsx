import { useId, type Dispatch } from 'react';
import { DEMO_USERS } from '@authlab/shared';
import type { PlaygroundSession } from '../../../lib/session-store';
import {
  BASIC,
  CURRENT_TOKEN,
  WRITTEN_HEADER,
  type RequestForm,
  type RequestFormAction,
} from '../lib/request-form';

interface CredentialFieldsProps {
  form: RequestForm;
  /** The "Send as" value in force (see senderOf). */
  sendAs: string;
  currentToken: string | undefined;
  cookieSession: PlaygroundSession | null;
  dispatch: Dispatch<RequestFormAction>;
}

/** Where the credential travels and whose it is: a demo user, the current token, Basic, a header, or nobody. */
export function CredentialFields({
  form,
  sendAs,
  currentToken,
  cookieSession,
  dispatch,
}: CredentialFieldsProps) {
  const id = useId();
  const inHeader = form.carrier === 'header';
  return (
    <>
      <div className="field-row">
        <fieldset className="inline-options">
          <legend>Token travels in</legend>
          {(
            [
              ['header', 'Authorization header'],
              ['cookie', 'Cookie'],
            ] as const
          ).map(([carrier, label]) => (
            <label key={carrier} className="radio">
              <input
                type="radio"
                name={`${id}-carrier`}
                value={carrier}
                checked={form.carrier === carrier}
                onChange={() => dispatch({ type: 'carrier-chosen', carrier })}
              />
              {label}
            </label>
          ))}
        </fieldset>
        {inHeader ? (
          <div className="field">
            <label htmlFor={`${id}-who`}>Send as</label>
            <select
              id={`${id}-who`}
              aria-describedby={`${id}-who-hint`}
              value={sendAs}
              onChange={(event) => dispatch({ type: 'sender-chosen', who: event.target.value })}
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
      {sendAs === WRITTEN_HEADER && inHeader && (
        <div className="field">
          <label htmlFor={`${id}-authorization`}>Authorization header value</label>
          <input
            id={`${id}-authorization`}
            className="mono"
            spellCheck={false}
            autoComplete="off"
            value={form.authorization}
            onChange={(event) =>
              dispatch({ type: 'authorization-typed', authorization: event.target.value })
            }
          />
        </div>
      )}
      {sendAs === BASIC && inHeader && (
        <div className="field-row">
          <div className="field grow">
            <label htmlFor={`${id}-basic-user`}>Username or client id</label>
            <input
              id={`${id}-basic-user`}
              className="mono"
              spellCheck={false}
              autoComplete="off"
              value={form.basicUser}
              onChange={(event) =>
                dispatch({ type: 'basic-user-typed', username: event.target.value })
              }
            />
          </div>
          <div className="field grow">
            <label htmlFor={`${id}-basic-password`}>Password or client secret</label>
            <input
              id={`${id}-basic-password`}
              className="mono"
              type="password"
              autoComplete="off"
              value={form.basicPassword}
              onChange={(event) =>
                dispatch({ type: 'basic-password-typed', password: event.target.value })
              }
            />
          </div>
        </div>
      )}
      {!inHeader && form.method !== 'GET' && (
        <label className="radio">
          <input
            type="checkbox"
            checked={form.sendCsrf}
            onChange={(event) => dispatch({ type: 'csrf-set', sendCsrf: event.target.checked })}
          />
          <span>
            Send the X-CSRF-Token header{' '}
            <span className="hint">
              — untick it to send what another site’s page could: the cookie alone
            </span>
          </span>
        </label>
      )}
    </>
  );
}
