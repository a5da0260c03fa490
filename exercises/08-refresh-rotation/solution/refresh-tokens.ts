import { createHash, randomBytes, randomUUID } from 'node:crypto';

export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  take(key: string): Promise<unknown>;
  delete(key: string): Promise<void>;
}

export interface RefreshTokenOptions {
  store: KeyValueStore;
  ttlSeconds: number;
  now: () => number;
}

export interface RefreshTokens {
  issue(userId: string): Promise<string>;
  rotate(token: string): Promise<{ userId: string; refreshToken: string }>;
}

interface TokenRecord {
  userId: string;
  family: string;
  expiresAt: number;
}

export class RefreshRefused extends Error {}

// The store keeps only hashes: a leaked store is then a list of useless digests (OWASP Session
// Management). A 256-bit random token needs no slow hash.
const digest = (token: string) => createHash('sha256').update(token).digest('base64url');

export function createRefreshTokens({
  store,
  ttlSeconds,
  now,
}: RefreshTokenOptions): RefreshTokens {
  async function mint(userId: string, family: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const record: TokenRecord = { userId, family, expiresAt: now() + ttlSeconds * 1000 };
    await store.set(`token:${digest(token)}`, record);
    return token;
  }

  return {
    async issue(userId) {
      const family = randomUUID();
      await store.set(`family:${family}`, { revoked: false });
      return mint(userId, family);
    },

    async rotate(token) {
      const hash = digest(token);
      // take() is atomic: of two concurrent rotations of one token, exactly one gets the record.
      const record = (await store.take(`token:${hash}`)) as TokenRecord | undefined;
      if (!record) {
        // RFC 9700 §4.14.2: a refresh token used twice means two parties hold it — end the session.
        const used = (await store.get(`used:${hash}`)) as { family: string } | undefined;
        if (used) await store.set(`family:${used.family}`, { revoked: true });
        throw new RefreshRefused('unknown or already used refresh token');
      }
      await store.set(`used:${hash}`, { family: record.family });
      const family = (await store.get(`family:${record.family}`)) as
        { revoked: boolean } | undefined;
      if (!family || family.revoked) throw new RefreshRefused('this session was ended');
      if (record.expiresAt <= now()) throw new RefreshRefused('expired refresh token');
      return { userId: record.userId, refreshToken: await mint(record.userId, record.family) };
    },
  };
}
