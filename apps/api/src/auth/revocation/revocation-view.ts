import type { RevocationEvent } from './revocation-event.js';

/** What the view needs to know about a verified token. */
export interface TokenFacts {
  /** `user:42` or `client:cl_…`. */
  principal: string;
  jti: string;
  sessionId?: string;
  version: number;
}

/**
 * The in-process picture of every refusal still in force, so the per-request check is a few
 * map lookups and never waits on the network. Kept current by RevocationService.
 */
export class RevocationView {
  private readonly deniedTokens = new Map<string, number>();
  private readonly endedSessions = new Map<string, number>();
  private readonly versions = new Map<string, number>();

  apply(event: RevocationEvent): void {
    switch (event.type) {
      case 'token':
        keepLatest(this.deniedTokens, event.jti, event.until);
        break;
      case 'sessions':
        for (const id of event.ids) keepLatest(this.endedSessions, id, event.until);
        break;
      case 'version':
        keepLatest(this.versions, event.principal, event.version);
        break;
    }
  }

  /**
   * Why this token must be refused, or undefined when it may pass. A refusal holds until its
   * `until`, exactly: whether prune() has run since does not change the answer.
   */
  refusal(token: TokenFacts, nowSeconds: number): string | undefined {
    if (inForce(this.deniedTokens, token.jti, nowSeconds)) return 'the token was signed out';
    if (token.sessionId !== undefined && inForce(this.endedSessions, token.sessionId, nowSeconds))
      return 'its session has ended';
    const current = this.versions.get(token.principal) ?? 0;
    if (token.version < current) {
      return `it carries token version ${token.version}, and ${token.principal} is at version ${current} (role or password changed, or signed out everywhere)`;
    }
    return undefined;
  }

  /** Forgets refusals whose tokens have all expired. Versions are kept: they never expire. */
  prune(nowSeconds: number): void {
    for (const map of [this.deniedTokens, this.endedSessions]) {
      for (const [key, until] of map) if (until <= nowSeconds) map.delete(key);
    }
  }

  size(): { deniedTokens: number; endedSessions: number; versions: number } {
    return {
      deniedTokens: this.deniedTokens.size,
      endedSessions: this.endedSessions.size,
      versions: this.versions.size,
    };
  }
}

function inForce(map: Map<string, number>, key: string, nowSeconds: number): boolean {
  const until = map.get(key);
  return until !== undefined && until > nowSeconds;
}

/** Facts only grow: a late or repeated event can never shorten a refusal or lower a version. */
function keepLatest(map: Map<string, number>, key: string, value: number): void {
  const existing = map.get(key);
  if (existing === undefined || existing < value) map.set(key, value);
}
