import type { PlaygroundSession } from './session-store';

const STORAGE_KEY = 'authlab.session';

/**
 * The signed-in session, kept in sessionStorage so that a reload of this tab finds it again.
 * A teaching convenience with a price: any script running on the page can read a token kept
 * there (one XSS bug is enough), which an HttpOnly cookie avoids. Cookie sessions are stored
 * without any token, only to remember the expiry and the sign-in trace.
 */
export function storeSession(session: PlaygroundSession): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  } catch {
    // Storage can be off (private mode, sandboxed frame): the session then lasts as long as the page.
  }
}

export function forgetStoredSession(): void {
  try {
    sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    // See above.
  }
}

/** The session this tab stored, if it has not expired yet. */
export function storedSession(now = Date.now()): PlaygroundSession | null {
  let stored: unknown;
  try {
    stored = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    return null;
  }
  if (typeof stored !== 'object' || stored === null) return null;
  const session = stored as PlaygroundSession;
  const valid =
    typeof session.username === 'string' &&
    typeof session.role === 'string' &&
    (session.delivery === 'body' || session.delivery === 'cookie') &&
    typeof session.expiresAt === 'number' &&
    session.expiresAt > now &&
    session.ended === undefined;
  if (!valid) {
    forgetStoredSession();
    return null;
  }
  return session;
}

/** A stored Bearer session with its token: the page can use it again at once. */
export function storedBearerSession(): PlaygroundSession | null {
  if (typeof sessionStorage === 'undefined') return null;
  const session = storedSession();
  return session?.delivery === 'body' && typeof session.accessToken === 'string' ? session : null;
}
