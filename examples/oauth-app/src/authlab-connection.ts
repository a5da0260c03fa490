import * as oauth from 'openid-client';

/** What this application keeps, server-side, for one browser: never sent to the browser itself. */
export interface BrowserSession {
  /** Between "Connect" and the callback: the PKCE verifier and state of the authorization request. */
  pending?: { verifier: string; state: string };
  tokens?: { accessToken: string; refreshToken: string; scope: string };
  /** Why the connection ended, shown once on the page. */
  notice?: string;
}

export class NotConnected extends Error {
  override name = 'NotConnected';
}

/**
 * The application's side of OAuth 2.0 with authlab, all through openid-client: the
 * authorization code flow with PKCE (S256) and state, the token exchange, refresh, and calls to
 * the API as the user. Tokens stay on this server; the browser holds only a session cookie.
 */
export class AuthlabConnection {
  private constructor(
    private readonly config: oauth.Configuration,
    private readonly authlabUrl: string,
    readonly redirectUri: string,
  ) {}

  /** Finds authlab's endpoints through RFC 8414 metadata. */
  static async discover(
    authlabUrl: string,
    client: { clientId: string; clientSecret: string },
    redirectUri: string,
  ): Promise<AuthlabConnection> {
    const url = new URL(authlabUrl);
    const config = await oauth.discovery(
      url,
      client.clientId,
      client.clientSecret,
      oauth.ClientSecretBasic(client.clientSecret),
      {
        algorithm: 'oauth2',
        // authlab runs on plain HTTP on this machine only; anywhere else it must be HTTPS.
        ...(url.hostname === '127.0.0.1' || url.hostname === 'localhost'
          ? { execute: [oauth.allowInsecureRequests] }
          : {}),
      },
    );
    return new AuthlabConnection(config, authlabUrl, redirectUri);
  }

  /** The URL to send the browser to, with a fresh PKCE verifier and state kept in its session. */
  async authorizationUrl(session: BrowserSession, scope: string): Promise<string> {
    const verifier = oauth.randomPKCECodeVerifier();
    const state = oauth.randomState();
    session.pending = { verifier, state };
    return oauth.buildAuthorizationUrl(this.config, {
      redirect_uri: this.redirectUri,
      scope,
      state,
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    }).href;
  }

  /** The callback: openid-client checks state and iss, then redeems the code with the verifier. */
  async finish(session: BrowserSession, callbackUrl: URL): Promise<void> {
    const pending = session.pending;
    session.pending = undefined;
    if (!pending) throw new NotConnected('No authorization was started from this browser.');
    const denied = callbackUrl.searchParams.get('error');
    if (denied !== null) {
      throw new NotConnected(
        denied === 'access_denied'
          ? 'You did not allow the connection.'
          : `authlab refused: ${callbackUrl.searchParams.get('error_description') ?? denied}`,
      );
    }
    const tokens = await oauth.authorizationCodeGrant(this.config, callbackUrl, {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
    });
    session.tokens = {
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token!,
      scope: tokens.scope ?? '',
    };
  }

  /**
   * Calls the API as the user. On a 401 it refreshes once (rotation: the new refresh token
   * replaces the old) and retries; if the refresh is refused, the user revoked the access (or it
   * ended): the tokens are dropped and the page says so instead of failing.
   */
  async call(
    session: BrowserSession,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<Response> {
    if (!session.tokens) throw new NotConnected('Not connected.');
    const send = (accessToken: string) => this.fetchAsUser(accessToken, method, path, body);
    const first = await send(session.tokens.accessToken);
    if (first.status !== 401) return first;
    try {
      const refreshed = await oauth.refreshTokenGrant(this.config, session.tokens.refreshToken);
      session.tokens = {
        accessToken: refreshed.access_token,
        refreshToken: refreshed.refresh_token ?? session.tokens.refreshToken,
        scope: refreshed.scope ?? session.tokens.scope,
      };
    } catch (error) {
      if (error instanceof oauth.ResponseBodyError && error.error === 'invalid_grant') {
        session.tokens = undefined;
        session.notice =
          'Your authlab account was disconnected (the access was revoked). Connect again to continue.';
        throw new NotConnected(session.notice);
      }
      throw error;
    }
    return send(session.tokens.accessToken);
  }

  /** One API call with the access token; a 401 (which openid-client throws as a challenge) is returned. */
  private async fetchAsUser(
    accessToken: string,
    method: string,
    path: string,
    body: unknown,
  ): Promise<Response> {
    try {
      return await oauth.fetchProtectedResource(
        this.config,
        accessToken,
        new URL(path, this.authlabUrl),
        method,
        body === undefined ? undefined : JSON.stringify(body),
        new Headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      );
    } catch (error) {
      if (error instanceof oauth.WWWAuthenticateChallengeError) return error.response;
      throw error;
    }
  }

  /** RFC 7009: the refresh token is revoked at authlab, which ends the access token with it. */
  async disconnect(session: BrowserSession): Promise<void> {
    const tokens = session.tokens;
    session.tokens = undefined;
    if (tokens) await oauth.tokenRevocation(this.config, tokens.refreshToken);
  }
}
