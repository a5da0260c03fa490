import { createHash, randomBytes, randomUUID } from 'node:crypto';

// Near miss: reuse detection and hashing right, but the token is read, then deleted — not taken atomically.
type Store = {
  get(k: string): Promise<unknown>;
  set(k: string, v: unknown): Promise<void>;
  delete(k: string): Promise<void>;
};
type Record_ = { userId: string; family: string; expiresAt: number };
const digest = (token: string) => createHash('sha256').update(token).digest('hex');

export function createRefreshTokens({
  store,
  ttlSeconds,
  now,
}: {
  store: Store;
  ttlSeconds: number;
  now: () => number;
}) {
  const mint = async (userId: string, family: string) => {
    const token = randomBytes(32).toString('base64url');
    await store.set(`token:${digest(token)}`, {
      userId,
      family,
      expiresAt: now() + ttlSeconds * 1000,
    });
    return token;
  };
  return {
    async issue(userId: string) {
      const family = randomUUID();
      await store.set(`family:${family}`, { revoked: false });
      return mint(userId, family);
    },
    async rotate(token: string) {
      const hash = digest(token);
      const record = (await store.get(`token:${hash}`)) as Record_ | undefined;
      if (!record) {
        const used = (await store.get(`used:${hash}`)) as { family: string } | undefined;
        if (used) await store.set(`family:${used.family}`, { revoked: true });
        throw new Error('refused');
      }
      await store.delete(`token:${hash}`);
      await store.set(`used:${hash}`, { family: record.family });
      const family = (await store.get(`family:${record.family}`)) as
        { revoked: boolean } | undefined;
      if (!family || family.revoked || record.expiresAt <= now()) throw new Error('refused');
      return { userId: record.userId, refreshToken: await mint(record.userId, record.family) };
    },
  };
}
