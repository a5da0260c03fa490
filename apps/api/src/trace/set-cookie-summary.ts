import type { SetCookieSummary } from '@authlab/shared';

/**
 * Reads the Set-Cookie headers of a response into names and attributes. The value (a token, a
 * session) is dropped here, before anything reaches a trace.
 */
export function summariseSetCookies(
  header: number | string | string[] | undefined,
): SetCookieSummary[] {
  if (header === undefined || typeof header === 'number') return [];
  return (Array.isArray(header) ? header : [header]).map((line) => {
    const [pair = '', ...parts] = line.split(';');
    const name = pair.slice(0, Math.max(0, pair.indexOf('='))).trim() || pair.trim();
    const attributes: Record<string, string | true> = {};
    for (const part of parts) {
      const equals = part.indexOf('=');
      if (equals === -1) attributes[part.trim()] = true;
      else attributes[part.slice(0, equals).trim()] = part.slice(equals + 1).trim();
    }
    return { name, attributes };
  });
}
