/** Loopback IP literals: RFC 8252 §7.3 lets a native app listen on any port of these. */
const LOOPBACK_IPS: ReadonlySet<string> = new Set(['127.0.0.1', '[::1]']);

function withoutPort(url: URL): string {
  const copy = new URL(url.href);
  copy.port = '';
  return copy.href;
}

/**
 * Whether `presented` is one of the client's registered redirect URIs. Exact string comparison
 * (RFC 9700 §4.1.3, RFC 6749 §3.1.2.3): no prefix, no wildcard, no normalisation that could
 * make two different URIs equal. The one exception is RFC 8252 §7.3: for an http loopback IP
 * literal the port may differ, because a native app takes whatever port is free at the time.
 */
export function matchesRegisteredRedirect(
  registered: readonly string[],
  presented: string,
): boolean {
  if (registered.includes(presented)) return true;
  if (!URL.canParse(presented)) return false;
  const url = new URL(presented);
  if (url.protocol !== 'http:' || !LOOPBACK_IPS.has(url.hostname)) return false;
  // Everything but the port must still be equal, character for character.
  if (url.href !== presented) return false;
  return registered.some((uri) => {
    const candidate = new URL(uri);
    return (
      candidate.protocol === 'http:' &&
      LOOPBACK_IPS.has(candidate.hostname) &&
      candidate.href === uri &&
      withoutPort(candidate) === withoutPort(url)
    );
  });
}
