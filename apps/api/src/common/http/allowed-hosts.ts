/**
 * The host names this API answers to. DNS rebinding points a name the attacker owns at
 * 127.0.0.1, so a page of theirs can drive a loopback API from a victim's browser; the browser
 * still sends the attacker's name in Host, so a request naming any other host is refused
 * (421 Misdirected Request, RFC 9110 §15.5.20). The same names, never the Host header, say
 * which browser origins are this API's own (the CSRF check).
 */

/** A host name, with the one port it must use, or any port when none is given. */
export interface HostPattern {
  hostname: string;
  port?: string;
  loopback: boolean;
}

/** Answered on any port: a page on this machine can only reach them from this machine. */
export const LOOPBACK_HOSTNAMES: readonly string[] = ['localhost', '127.0.0.1', '[::1]'];

/** DNS labels (and dotted IPv4), or an IPv6 address in brackets: what URL accepts besides is not a host name. */
const HOSTNAME =
  /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$|^\[[0-9a-f:.]+\]$/;

const DEFAULT_PORTS: Readonly<Record<string, string>> = { 'http:': '80', 'https:': '443' };

/**
 * Reads `name` or `name:port` (IPv6 in brackets), normalised as a browser writes it, or
 * undefined for anything else (a path, credentials, a scheme, a bad port).
 */
export function parseHostValue(value: string): { hostname: string; port: string } | undefined {
  if (value === '' || /[/?#@\\\s]/.test(value)) return undefined;
  let url: URL;
  try {
    url = new URL(`http://${value}`);
  } catch {
    return undefined;
  }
  if (!HOSTNAME.test(url.hostname)) return undefined;
  // URL drops the default port: "x:80" and "x" are the same host to a browser too.
  return { hostname: url.hostname, port: url.port || '80' };
}

/** Parses one ALLOWED_HOSTS entry; undefined when it is not a host name with an optional port. */
export function parseHostPattern(entry: string): HostPattern | undefined {
  const parsed = parseHostValue(entry.trim().toLowerCase());
  if (!parsed) return undefined;
  const explicitPort = /:\d+$/.test(entry.trim()) ? parsed.port : undefined;
  return {
    hostname: parsed.hostname,
    ...(explicitPort ? { port: explicitPort } : {}),
    loopback: LOOPBACK_HOSTNAMES.includes(parsed.hostname),
  };
}

/** Cached answers for Host values seen; bounded, since every request can name a new one. */
const CACHE_LIMIT = 256;

export class AllowedHosts {
  private readonly patterns: HostPattern[];
  private readonly answers = new Map<string, boolean>();

  /** `extra` are ALLOWED_HOSTS entries (validated by the config loader); `publicOrigin` adds its host, on any port. */
  constructor(extra: readonly string[], publicOrigin?: string) {
    const entries = [
      ...LOOPBACK_HOSTNAMES,
      ...(publicOrigin ? [new URL(publicOrigin).hostname] : []),
      ...extra,
    ];
    this.patterns = entries.flatMap((entry) => parseHostPattern(entry) ?? []);
  }

  /** True when a Host header names this API. */
  allows(host: string): boolean {
    const known = this.answers.get(host);
    if (known !== undefined) return known;
    const parsed = parseHostValue(host);
    const allowed =
      parsed !== undefined &&
      this.patterns.some(
        (pattern) =>
          pattern.hostname === parsed.hostname &&
          (pattern.port === undefined || pattern.port === parsed.port),
      );
    if (this.answers.size >= CACHE_LIMIT) this.answers.clear();
    this.answers.set(host, allowed);
    return allowed;
  }

  /**
   * True when a browser origin is one of this API's own: an allowed host over the scheme the
   * request came in on, at the pattern's port — or, for a pattern without one, at the port
   * this server listens on (read from the socket) or, for a name that is not loopback, the
   * scheme's default port (a proxy in front). Another port on loopback is another program.
   */
  isOwnOrigin(origin: string, protocol: string, localPort: number | undefined): boolean {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false;
    }
    if (url.origin !== origin || url.protocol !== `${protocol}:`) return false;
    const port = url.port || DEFAULT_PORTS[url.protocol];
    return this.patterns.some((pattern) => {
      if (pattern.hostname !== url.hostname) return false;
      if (pattern.port !== undefined) return pattern.port === port;
      if (localPort !== undefined && String(localPort) === port) return true;
      return !pattern.loopback && port === DEFAULT_PORTS[url.protocol];
    });
  }
}
