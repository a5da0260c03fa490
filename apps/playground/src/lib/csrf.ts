import { CSRF_COOKIE, CSRF_HEADER } from '@authlab/shared';
import { readDocumentCookies } from './browser-cookies';
import { unprefixed } from './cookie-mode';

export { CSRF_HEADER };

/**
 * Double-submit CSRF: the API sets a cookie JavaScript may read, and a cookie-authenticated
 * change must repeat its value in a header, which a cross-site form cannot do.
 */
export function csrfCookie(source?: string) {
  return readDocumentCookies(source).find(({ name }) => unprefixed(name) === CSRF_COOKIE);
}

export function csrfHeaderFor(source?: string): { name: string; value: string } | undefined {
  const cookie = csrfCookie(source);
  return cookie ? { name: CSRF_HEADER, value: decodeURIComponent(cookie.value) } : undefined;
}
