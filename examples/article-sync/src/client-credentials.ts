/**
 * Obtains access tokens with the OAuth 2.0 client-credentials grant (RFC 6749 §4.4) and keeps
 * the current one until shortly before it expires. Concurrent callers share one request.
 */
export interface ClientCredentials {
  /** Where the API lives, e.g. http://127.0.0.1:3000 */
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  /** Ask for less than the client was registered with, e.g. "read". */
  scope?: string;
}

/** The token endpoint refused us: wrong credentials, a revoked client, a scope it may not have. */
export class TokenRequestError extends Error {
  override name = 'TokenRequestError';
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(`The token endpoint answered ${status} ${error}: ${description}`);
  }
}

interface CachedToken {
  value: string;
  /** When to stop using it (ms since the epoch): a little before it really expires. */
  renewAt: number;
}

/** RFC 6749 §2.3.1: id and secret are form-encoded before they go into the Basic header. */
function basicAuthorization(clientId: string, clientSecret: string): string {
  const encode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(clientSecret)}`).toString('base64')}`;
}

export class ClientCredentialsTokenSource {
  private cached: CachedToken | undefined;
  private pending: Promise<CachedToken> | undefined;
  /** How many tokens this source has asked for; handy in logs and tests. */
  tokensRequested = 0;

  constructor(
    private readonly credentials: ClientCredentials,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly now: () => number = Date.now,
  ) {}

  /** A token that is valid now, asking the API for a new one only when needed. */
  async token(): Promise<string> {
    if (this.cached && this.now() < this.cached.renewAt) return this.cached.value;
    // One request for everyone waiting: a burst of callers must not become a burst of token requests.
    this.pending ??= this.requestToken().finally(() => (this.pending = undefined));
    this.cached = await this.pending;
    return this.cached.value;
  }

  /** Forget the current token (the API refused it), so the next call asks for a new one. */
  invalidate(rejected: string): void {
    if (this.cached?.value === rejected) this.cached = undefined;
  }

  private async requestToken(): Promise<CachedToken> {
    const { baseUrl, clientId, clientSecret, scope } = this.credentials;
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      ...(scope ? { scope } : {}),
    });
    this.tokensRequested += 1;
    const response = await this.fetchImpl(`${baseUrl}/api/oauth/token`, {
      method: 'POST',
      headers: {
        Authorization: basicAuthorization(clientId, clientSecret),
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: form,
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (
      !response.ok ||
      typeof body.access_token !== 'string' ||
      typeof body.expires_in !== 'number'
    ) {
      const text = (value: unknown, fallback: string) =>
        typeof value === 'string' ? value : fallback;
      throw new TokenRequestError(
        response.status,
        text(body.error, 'unexpected_response'),
        text(body.error_description, ''),
      );
    }
    // Renew when a tenth of the lifetime is left (at most 30 s early): clocks and networks are not instant.
    const lifetimeMs = body.expires_in * 1000;
    return {
      value: body.access_token,
      renewAt: this.now() + lifetimeMs - Math.min(30_000, lifetimeMs / 10),
    };
  }
}
