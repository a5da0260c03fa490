import { useId, useState } from 'react';
import { DEMO_USERS } from '@authlab/shared';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useSession, type PlaygroundSession, type TokenDelivery } from '../../../lib/session-store';
import { signOut } from '../api/sign-out';
import { useSignIn, type SignInState } from '../hooks/use-sign-in';

interface SignInAsProps {
  /** Called with null when a sign-in starts or the user signs out, and with the session when one starts. */
  onSessionChange: (session: PlaygroundSession | null) => void;
}

/** The session comes from the store: a sign-up answer taken in the request builder is a session too. */
function statusText(state: SignInState, session: PlaygroundSession | null): string {
  if (state.status === 'pending') return `Signing in as ${state.username}…`;
  if (state.status === 'error') return `Could not sign in as ${state.username}.`;
  if (!session) return 'Not signed in.';
  const { username, role, delivery, expiresIn } = session;
  const where = delivery === 'cookie' ? 'in an HttpOnly cookie' : 'as a Bearer token';
  return `Signed in as ${username} (role ${role}). Access token ${where}, valid for ${Math.round(expiresIn / 60)} min.`;
}

const DELIVERIES: ReadonlyArray<{ value: TokenDelivery; label: string; hint: string }> = [
  {
    value: 'bearer',
    label: 'Bearer token',
    hint: 'in the response body; the page sends it in the Authorization header',
  },
  {
    value: 'cookie',
    label: 'HttpOnly cookie',
    hint: 'set by the server; the browser sends it, page scripts cannot read it',
  },
];

export function SignInAs({ onSessionChange }: SignInAsProps) {
  const { state, signIn, reset } = useSignIn(onSessionChange);
  const session = useSession();
  const [delivery, setDelivery] = useState<TokenDelivery>('bearer');
  const pendingUser = state.status === 'pending' ? state.username : null;
  const name = useId();

  function signOutNow() {
    const wasCookie = session?.delivery === 'cookie';
    reset();
    // A bearer token cannot be taken back by the page; a cookie can be cleared by the server.
    if (wasCookie) void signOut().catch(() => undefined);
  }

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
        </fieldset>
      </div>
      <div className="sign-in-footer">
        <p role="status" className="sign-in-status">
          {statusText(state, session)}
        </p>
        {session && state.status !== 'pending' && (
          <button type="button" className="secondary" onClick={signOutNow}>
            Sign out
          </button>
        )}
      </div>
      {state.status === 'error' && <ErrorNotice title="Sign-in failed" error={state.error} />}
    </section>
  );
}
