/** One Set-Cookie header, read the way a browser would: name, value and attributes. */
export interface SetCookie {
  name: string;
  value: string;
  /** Attribute names in lower case; flags (HttpOnly, Secure) map to true. */
  attributes: Record<string, string | true>;
}

export function parseSetCookies(header: string | string[] | undefined): Map<string, SetCookie> {
  const lines = header === undefined ? [] : Array.isArray(header) ? header : [header];
  const cookies = new Map<string, SetCookie>();
  for (const line of lines) {
    const [pair, ...attributeParts] = line.split(';').map((part) => part.trim());
    const equals = pair!.indexOf('=');
    const attributes: Record<string, string | true> = {};
    for (const part of attributeParts) {
      const eq = part.indexOf('=');
      if (eq === -1) attributes[part.toLowerCase()] = true;
      else attributes[part.slice(0, eq).toLowerCase()] = part.slice(eq + 1);
    }
    cookies.set(pair!.slice(0, equals), {
      name: pair!.slice(0, equals),
      value: pair!.slice(equals + 1),
      attributes,
    });
  }
  return cookies;
}

/** A Cookie request header from name → value pairs. */
export function cookieHeader(cookies: Record<string, string>): string {
  return Object.entries(cookies)
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
}
