/**
 * Credentials that arrive twice in one request. Node keeps the first Authorization field line in
 * `request.headers` and drops the others, and cookie-parser keeps the first cookie of a name; a
 * proxy in front may well have acted on another one. Such a request is ambiguous, so it is
 * refused rather than read one way or the other.
 */

export const ONE_AUTHORIZATION_HEADER =
  'Send one Authorization header, not several: which one counts would be ambiguous';

/**
 * How many Authorization field lines the request carried. RFC 9110 §5.3: a field that is not a
 * list may appear once; `rawHeaders` keeps every line as sent, names in their original case.
 */
export function authorizationLines(request: { rawHeaders?: readonly string[] }): number {
  const raw = request.rawHeaders ?? [];
  let count = 0;
  for (let i = 0; i < raw.length; i += 2) if (raw[i]!.toLowerCase() === 'authorization') count++;
  return count;
}

/**
 * How many cookies named `name` the Cookie header carries (Node joins several Cookie lines into
 * one). A browser sends two of one name when a page on another port or a sibling host set its
 * own with another Path or Domain (cookie tossing, RFC 6265 §8.6): which is whose cannot be told.
 */
export function cookiesNamed(cookieHeader: string | undefined, name: string): number {
  if (cookieHeader === undefined) return 0;
  let count = 0;
  for (const pair of cookieHeader.split(';')) {
    const equals = pair.indexOf('=');
    if (equals !== -1 && pair.slice(0, equals).trim() === name) count++;
  }
  return count;
}
