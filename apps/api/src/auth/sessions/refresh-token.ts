import { createHash, randomBytes } from 'node:crypto';

/**
 * Refresh tokens are opaque: 256 random bits, meaningless outside this API's database, which
 * keeps only their SHA-256. A fast hash is enough here, unlike for passwords: a 256-bit random
 * value cannot be guessed, so there is nothing to slow down.
 */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** A session (refresh-family) id: 128 random bits, carried by access tokens as `sid`. */
export function newSessionId(): string {
  return randomBytes(16).toString('base64url');
}
