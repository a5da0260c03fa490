import { ACCESS_TOKEN_COOKIE, type CookieEchoResponse } from '@authlab/shared';
import { apiRequest, apiRequestRaw } from './api-client';
import { COOKIE_MODE, unprefixed } from './cookie-mode';
import { sessionStore, type PlaygroundSession } from './session-store';

/** Whether the browser still sends the API's access-token cookie, as the API's echo reports. */
export async function browserHoldsAccessCookie(signal?: AbortSignal): Promise<boolean> {
  const echo = await apiRequest<CookieEchoResponse>(COOKIE_MODE.echoPath, {
    background: true,
    ...(signal ? { signal } : {}),
  });
  return echo.cookies.some(({ name }) => unprefixed(name) === ACCESS_TOKEN_COOKIE);
}

/**
 * Ends a cookie session on the server, so the API clears its cookies. The sign-out needs a
 * token the API still accepts; when it refuses (revoked, expired), a refresh by cookie with a
 * dead refresh token makes the API clear the cookies instead (invalid_grant).
 */
export async function endCookieSession(): Promise<void> {
  const signOut = await apiRequestRaw(COOKIE_MODE.signOutPath, { method: 'POST', body: {} });
  if (signOut.status < 300) return;
  if (!(await browserHoldsAccessCookie())) return;
  const refresh = await apiRequestRaw(COOKIE_MODE.refreshPath, { method: 'POST', body: {} });
  // The refresh token was still good: the session was only missing its access token. End it now.
  if (refresh.status < 300)
    await apiRequestRaw(COOKIE_MODE.signOutPath, { method: 'POST', body: {} });
}

/**
 * Ends a session on the server: a Bearer token is signed out with itself (RFC 7009's idea of
 * telling the server a token is done with, by the API's own route), a cookie session with its
 * cookie and the CSRF header. Failures leave the page's state honest: the caller still forgets it.
 */
export async function endSessionOnServer(session: PlaygroundSession): Promise<void> {
  try {
    if (session.delivery === 'cookie') await endCookieSession();
    else if (session.accessToken && !session.ended)
      await apiRequestRaw(COOKIE_MODE.signOutPath, {
        method: 'POST',
        token: session.accessToken,
        body: {},
      });
  } catch {
    // Unreachable API: nothing more the page can do; the token expires by itself.
  }
}

/** Replaces the signed-in session, ending the previous one on the server first. */
export async function replaceSession(next: PlaygroundSession | null): Promise<void> {
  const previous = sessionStore.get();
  if (previous) await endSessionOnServer(previous);
  sessionStore.set(next);
}
