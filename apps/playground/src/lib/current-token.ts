import { createStore, useStore } from './create-store';
import { sessionStore, useSession, type PlaygroundSession } from './session-store';

/** A token the learner chose to work with instead of their session's, e.g. one they edited and re-signed. */
export interface ChosenToken {
  token: string;
  /** Where it came from, in words: "the token editor", "POST /api/lab/alg-none/token". */
  from: string;
}

/** Set by "Use this token"; a sign-in or sign-out replaces it, so the current token is never older than the session. */
export const chosenTokenStore = createStore<ChosenToken | null>(null);

let sessionToken = sessionStore.get()?.accessToken;
let sessionUser = sessionStore.get()?.username;
// Only a different session resets the choice; the same one being refused by the API does not.
sessionStore.subscribe(() => {
  const session = sessionStore.get();
  if (session?.accessToken === sessionToken && session?.username === sessionUser) return;
  sessionToken = session?.accessToken;
  sessionUser = session?.username;
  if (chosenTokenStore.get() !== null) chosenTokenStore.set(null);
});

/** The playground's current token: the one the learner chose, else the signed-in session's (none in cookie mode). */
export function currentTokenOf(
  session: PlaygroundSession | null,
  chosen: ChosenToken | null,
): string | undefined {
  return chosen?.token ?? session?.accessToken;
}

export function useChosenToken(): ChosenToken | null {
  return useStore(chosenTokenStore);
}

export function useCurrentToken(): string | undefined {
  return currentTokenOf(useSession(), useChosenToken());
}
