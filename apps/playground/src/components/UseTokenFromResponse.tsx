import { chosenTokenStore, useChosenToken } from '../lib/current-token';
import { replaceSession } from '../lib/end-session';
import { useSession } from '../lib/session-store';
import { tokenInResponse } from './token-in-response';

interface UseTokenFromResponseProps {
  /** A response body that may hold a token. */
  body: unknown;
  /** The request that got it, e.g. "POST /api/lab/alg-none/token". */
  from: string;
}

/** Offers a token found in an answer as the playground's current token: a session's becomes the session. */
export function UseTokenFromResponse({ body, from }: UseTokenFromResponseProps) {
  const session = useSession();
  const chosen = useChosenToken();
  const found = tokenInResponse(body);
  if (!found) return null;

  const inUse =
    found.kind === 'session'
      ? chosen === null && session?.accessToken === found.session.accessToken
      : chosen?.token === found.token;
  if (inUse) {
    return (
      <p className="notice notice-ok" role="status">
        This is the playground’s current token now: the token inspector and editor show it, and the
        request builder can send it.
      </p>
    );
  }
  return (
    <div className="button-row">
      {found.kind === 'session' ? (
        <button
          type="button"
          onClick={() =>
            void replaceSession({
              ...found.session,
              ...(found.session.expiresIn > 0
                ? { expiresAt: Date.now() + found.session.expiresIn * 1000 }
                : {}),
            })
          }
        >
          Use this session (signed in as {found.session.username})
        </button>
      ) : (
        <button type="button" onClick={() => chosenTokenStore.set({ token: found.token, from })}>
          Use this token ({found.field}) as my current token
        </button>
      )}
    </div>
  );
}
