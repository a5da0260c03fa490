import {
  ACCESS_TOKEN_COOKIE,
  CSRF_COOKIE,
  HOST_COOKIE_PREFIX,
  REFRESH_TOKEN_COOKIE,
  SECURE_COOKIE_PREFIX,
} from '@authlab/shared';

/**
 * Where the API's cookie mode lives, so that the sign-in panel, the request builder and the
 * cookie view agree. The cookie names come from @authlab/shared, as the API's do.
 */
export const COOKIE_MODE = {
  /** Sign-in asked to put the tokens in HttpOnly cookies instead of the body. */
  signInPath: '/api/auth/signin?mode=cookie',
  /** Echoes the cookies the server received (values of HttpOnly ones withheld). */
  echoPath: '/api/auth/cookies',
  signOutPath: '/api/auth/signout',
  /** Takes the refresh cookie (its Path is this route alone). */
  refreshPath: '/api/auth/refresh',
} as const;

/** A cookie name without the __Host- / __Secure- prefix the API adds over HTTPS. */
export function unprefixed(name: string): string {
  return name.replace(new RegExp(`^(${HOST_COOKIE_PREFIX}|${SECURE_COOKIE_PREFIX})`), '');
}

/** What each of the API's session cookies is for, in one line. */
export const SESSION_COOKIE_ROLES: Readonly<Record<string, string>> = {
  [ACCESS_TOKEN_COOKIE]: 'the access token (a JWT), sent with every request to the API',
  [REFRESH_TOKEN_COOKIE]: 'the refresh token, sent only to the refresh endpoint',
  [CSRF_COOKIE]: 'the CSRF token: the page reads it and repeats it in the X-CSRF-Token header',
};
