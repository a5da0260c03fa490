import { DEMO_USERS, type TokenResponse } from '@authlab/shared';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useSignIn, type SignInState } from '../hooks/use-sign-in';

interface SignInAsProps {
  /** Called with null when a sign-in starts and with the API's answer when it succeeds. */
  onSessionChange: (session: TokenResponse | null) => void;
}

function statusText(state: SignInState): string {
  switch (state.status) {
    case 'idle':
      return 'Not signed in.';
    case 'pending':
      return `Signing in as ${state.username}…`;
    case 'success': {
      const { user, tokenType, expiresIn } = state.response;
      return `Signed in as ${user.username} (role ${user.role}). ${tokenType} token valid for ${Math.round(expiresIn / 60)} min.`;
    }
    case 'error':
      return `Could not sign in as ${state.username}.`;
  }
}

export function SignInAs({ onSessionChange }: SignInAsProps) {
  const { state, signIn } = useSignIn(onSessionChange);
  const pendingUser = state.status === 'pending' ? state.username : null;

  return (
    <section className="panel" aria-labelledby="sign-in-heading">
      <h2 id="sign-in-heading">Sign in</h2>
      <fieldset className="sign-in-as">
        <legend>Sign in as</legend>
        <div className="button-row">
          {DEMO_USERS.map(({ username, password }) => (
            <button
              key={username}
              type="button"
              // Not disabled while pending: that would drop keyboard focus; a newer click wins.
              aria-busy={pendingUser === username}
              aria-label={`Sign in as ${username}`}
              onClick={() => void signIn({ username, password })}
            >
              {username}
            </button>
          ))}
        </div>
      </fieldset>
      <p role="status" className="sign-in-status">
        {statusText(state)}
      </p>
      {state.status === 'error' && <ErrorNotice title="Sign-in failed" error={state.error} />}
    </section>
  );
}
