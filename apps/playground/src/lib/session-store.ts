import type { Role, TokenDelivery } from '@authlab/shared';
import { createStore, useStore } from './create-store';
import { forgetStoredSession, storedBearerSession, storeSession } from './session-storage';

export interface PlaygroundSession {
  username: string;
  role: Role;
  /** Where sign-in put the access token: the body (then sent as a Bearer header) or an HttpOnly cookie. */
  delivery: TokenDelivery;
  /** The token itself; absent in cookie mode, where JavaScript never sees it. */
  accessToken?: string;
  expiresIn: number;
  /** When the access token expires (ms since the epoch), when the page knows it. */
  expiresAt?: number;
  /** The trace of the sign-in request (it holds the Set-Cookie summaries). */
  signInTraceId?: string;
  /**
   * Why the API no longer accepts this session (revoked, signed out, expired). The page keeps
   * the token so a learner can see it refused, but never calls the session valid again.
   */
  ended?: string;
}

/** The one signed-in session the views share: set by the sign-in panel, read by every view. */
export const sessionStore = createStore<PlaygroundSession | null>(storedBearerSession());

// A reload in the same tab finds the session again; a sign-out, an expiry or a refusal forgets it.
sessionStore.subscribe(() => {
  const session = sessionStore.get();
  if (session && !session.ended) storeSession(session);
  else forgetStoredSession();
});

export function useSession(): PlaygroundSession | null {
  return useStore(sessionStore);
}

/** Marks the current session as no longer accepted, if it is still the one `isSame` recognises. */
export function endCurrentSession(
  reason: string,
  isSame: (session: PlaygroundSession) => boolean = () => true,
): void {
  sessionStore.set((session) =>
    session && !session.ended && isSame(session) ? { ...session, ended: reason } : session,
  );
}
