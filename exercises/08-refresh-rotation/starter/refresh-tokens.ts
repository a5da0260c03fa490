/** An asynchronous key-value store, like Redis: every call may interleave with others. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  /** Atomically reads and deletes a key (Redis GETDEL): of two concurrent takes, one gets the value. */
  take(key: string): Promise<unknown>;
  delete(key: string): Promise<void>;
}

export interface RefreshTokenOptions {
  store: KeyValueStore;
  ttlSeconds: number;
  /** The current time in milliseconds (Date.now in production; a moved clock in tests). */
  now: () => number;
}

export interface RefreshTokens {
  /** Starts a new session (a new token family) for a user; returns its first refresh token. */
  issue(userId: string): Promise<string>;
  /** Exchanges a refresh token for the next one in its family; rejects if it must be refused. */
  rotate(token: string): Promise<{ userId: string; refreshToken: string }>;
}

export function createRefreshTokens(_options: RefreshTokenOptions): RefreshTokens {
  // Not written yet: see exercises/08-refresh-rotation/README.md.
  return {
    issue: (userId) => Promise.resolve(`token-for-${userId}`),
    rotate: () => Promise.reject(new Error('not written yet')),
  };
}
