/**
 * Cookie mode, refresh tokens and CSRF defence: the names the API sets and the playground reads.
 * Over HTTPS the API adds a prefix the browser enforces: `__Host-` for cookies scoped to the
 * whole site (Secure, Path=/, no Domain) and `__Secure-` for the refresh cookie, whose narrower
 * Path rules out `__Host-`.
 */
export const ACCESS_TOKEN_COOKIE = 'authlab_access';
export const REFRESH_TOKEN_COOKIE = 'authlab_refresh';
/** Readable by the page's JavaScript on purpose: the page copies it into the CSRF header. */
export const CSRF_COOKIE = 'authlab_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

export const HOST_COOKIE_PREFIX = '__Host-';
export const SECURE_COOKIE_PREFIX = '__Secure-';

/** The only path the browser sends the refresh cookie to. */
export const REFRESH_PATH = '/api/auth/refresh';

/** Where sign-up, sign-in and refresh put the tokens: in the JSON body (default) or in cookies. */
export const TOKEN_DELIVERIES = ['body', 'cookie'] as const;
export type TokenDelivery = (typeof TOKEN_DELIVERIES)[number];

/** The client-credentials token endpoint (RFC 6749 §4.4). */
export const OAUTH_TOKEN_PATH = '/api/oauth/token';

/** A session ends this long after sign-in, however often it is refreshed (7 days). */
export const DEFAULT_REFRESH_TOKEN_TTL_SECONDS = 7 * 24 * 60 * 60;

/** Machine-client tokens are short-lived (5 minutes): a client simply asks again. */
export const DEFAULT_CLIENT_TOKEN_TTL_SECONDS = 5 * 60;
