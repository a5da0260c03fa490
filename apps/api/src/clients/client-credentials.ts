import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Client ids and secrets. The secret is 256 random bits shown once; the database keeps its
 * SHA-256. A slow password hash (argon2) protects low-entropy human passwords from guessing;
 * a 256-bit random secret cannot be guessed, so a fast hash is enough and keeps the token
 * endpoint cheap.
 */
export function newClientId(): string {
  return `cl_${randomBytes(16).toString('base64url')}`;
}

export function newClientSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function hashClientSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}

/** Compares in constant time, so the answer's timing says nothing about how close a guess was. */
export function clientSecretMatches(storedHash: string, secret: string): boolean {
  const expected = Buffer.from(storedHash, 'base64url');
  const actual = createHash('sha256').update(secret, 'utf8').digest();
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
