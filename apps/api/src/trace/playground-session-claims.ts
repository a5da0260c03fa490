/**
 * Which playground session each sign-in was started from: a sign-in (and the refresh family it
 * opens) belongs to the X-Playground-Session it was made with. An authenticated request is filed
 * under a playground session only when its token's sign-in started there, so nobody can plant
 * their own requests into somebody else's session by sending its id.
 */
export class PlaygroundSessionClaims {
  private readonly byAuthSession = new Map<string, string>();

  constructor(readonly capacity: number) {}

  /** The first claim stands: a later refresh from elsewhere does not move the sign-in. */
  bind(authSessionId: string, playgroundSession: string): void {
    if (this.byAuthSession.has(authSessionId)) return;
    if (this.byAuthSession.size >= this.capacity) {
      const oldest = this.byAuthSession.keys().next().value;
      if (oldest !== undefined) this.byAuthSession.delete(oldest);
    }
    this.byAuthSession.set(authSessionId, playgroundSession);
  }

  startedFrom(authSessionId: string): string | undefined {
    return this.byAuthSession.get(authSessionId);
  }
}

/**
 * A machine client's token has no sign-in; the token request that issued it stands in for one,
 * so the requests made with it are filed under the playground session that asked for it.
 */
export function clientTokenAuthSession(tokenId: string): string {
  return `client-token:${tokenId}`;
}
