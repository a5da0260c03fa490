import { useEffect, useId, useState } from 'react';
import { DEMO_USERS, type TokenDelivery } from '@authlab/shared';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { endCurrentSession, useSession, type PlaygroundSession } from '../../../lib/session-store';
import { useSignIn, type SignInState } from '../hooks/use-sign-in';
import { useRestoredSession, type RestoreState } from '../hooks/use-restored-session';

interface SignInAsProps {
  /** Called with null when a sign-in starts or the user signs out, and with the session when one starts. */
  onSessionChange: (session: PlaygroundSession | null) => void;
}

function minutesLeft(session: PlaygroundSession, now: number): string {
  if (session.expiresAt === undefined) {
    return session.expiresIn > 0 ? `, valid for ${Math.round(session.expiresIn / 60)} min` : '';
  }
  return `, valid for ${Math.max(1, Math.ceil((session.expiresAt - now) / 60_000))} min`;
}

/** The session comes from the store: a sign-up answer taken in the request builder is a session too. */
function statusText(
  state: SignInState,
  restore: RestoreState,
  session: PlaygroundSession | null,
  now: number,
): string {
  if (state.status === 'pending') return `Signing in as ${state.username}…`;
  if (state.status === 'signing-out') return `Signing ${state.username} out…`;
  if (state.status === 'error') return `Could not sign in as ${state.username}.`;
  if (!session && restore === 'checking') return 'Checking what this browser holds…';
  if (!session) return 'Not signed in.';
  const { username, role, delivery } = session;
  if (session.ended)
    return `${username}'s session has ended: ${session.ended} The API refuses its token now; sign in again.`;
  const where = delivery === 'cookie' ? 'in an HttpOnly cookie' : 'as a Bearer token';
  return `Signed in as ${username} (role ${role}). Access token ${where}${minutesLeft(session, now)}.`;
}

const DELIVERIES: ReadonlyArray<{ value: TokenDelivery; label: string; hint: string }> = [
  {
    value: 'body',
    label: 'Bearer token',
    hint: 'in the response body; the page sends it in the Authorization header',
  },
  {
    value: 'cookie',
    label: 'HttpOnly cookie',
    hint: 'set by the server; the browser sends it, page scripts cannot read it',
  },
];

/** Re-renders once a minute (for "valid for N min") and marks the session ended when it expires. */
function useExpiry(session: PlaygroundSession | null): number {
  const [now, setNow] = useState(() => Date.now());
  const expiresAt = session && !session.ended ? session.expiresAt : undefined;
  useEffect(() => {
    if (expiresAt === undefined) return;
    const tick = setInterval(() => setNow(Date.now()), 30_000);
    const expire = setTimeout(
      () => endCurrentSession('the access token expired.', (s) => s.expiresAt === expiresAt),
      Math.max(0, expiresAt - Date.now()),
    );
    return () => {
      clearInterval(tick);
      clearTimeout(expire);
    };
  }, [expiresAt]);
  return now;
}

export function SignInAs({ onSessionChange }: SignInAsProps) {
  const { state, signIn, reset } = useSignIn(onSessionChange);
  const session = useSession();
  const restore = useRestoredSession();
  const [delivery, setDelivery] = useState<TokenDelivery>(() => session?.delivery ?? 'body');
  const pendingUser = state.status === 'pending' ? state.username : null;
  const name = useId();
  const now = useExpiry(session);
  const busy = state.status === 'pending' || state.status === 'signing-out';

  // The radio follows the session the page found, so the next sign-in keeps its mode unless changed.
  useEffect(() => {
    if (restore.found) setDelivery(restore.found);
  }, [restore.found]);

  return (
    <section className="panel sign-in" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in</h2>
      <div className="sign-in-controls">
        <fieldset className="sign-in-as">
          <legend>Sign in as</legend>
          <div className="button-row">
            {DEMO_USERS.map(({ username, password }) => (
              <button
                key={username}
                type="button"
                // Not disabled while pending: that would drop keyboard focus; a newer click wins.
                aria-busy={pendingUser === username}
                className={session?.username === username ? 'current-user' : undefined}
                aria-label={`Sign in as ${username}`}
                onClick={() => void signIn({ username, password }, delivery)}
              >
                {username}
              </button>
            ))}
          </div>
        </fieldset>
        <fieldset className="delivery">
          <legend>Deliver the access token as</legend>
          {DELIVERIES.map((option) => (
            <label key={option.value} className="radio">
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={delivery === option.value}
                onChange={() => setDelivery(option.value)}
              />
              <span>
                <strong>{option.label}</strong> <span className="hint">{option.hint}</span>
              </span>
            </label>
          ))}
          <p className="hint storage-note">
            A Bearer session is kept in this tab’s sessionStorage so a reload keeps it: handy for
            learning, but any script on the page can read it there — the XSS risk an HttpOnly cookie
            avoids.
          </p>
        </fieldset>
      </div>
      <div className="sign-in-footer">
        <p role="status" className="sign-in-status">
          {statusText(state, restore.state, session, now)}
        </p>
        {session && !busy && (
          <button type="button" className="secondary" onClick={() => void reset()}>
            Sign out
          </button>
        )}
      </div>
      {restore.note && <p className="notice notice-info">{restore.note}</p>}
      {state.status === 'error' && <ErrorNotice title="Sign-in failed" error={state.error} />}
    </section>
  );
}
