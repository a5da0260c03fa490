import { randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { SigningKeys } from '../../src/auth/tokens/signing-keys.js';
import type { AppConfig } from '../../src/config/app-config.js';

function base64urlJson(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** Claims and header of a token exactly as the API would issue it, for tests to tamper with. */
export function validClaims(
  config: AppConfig,
  user: { id: number; username: string; role: string },
) {
  const now = Math.floor(Date.now() / 1000);
  return {
    sub: String(user.id),
    username: user.username,
    role: user.role,
    iat: now,
    exp: now + config.jwt.accessTokenTtlSeconds,
    iss: config.jwt.issuer,
    aud: config.jwt.audience,
    jti: randomUUID(),
  };
}

export function validHeader(keys: SigningKeys): Record<string, unknown> {
  return { alg: keys.algorithm, typ: 'at+jwt', kid: keys.kid };
}

/** Signs any header and payload with the API's real key (as an insider, or an attacker who stole it). */
export function signWith(
  keys: SigningKeys,
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
): string {
  return jwt.sign(payload, keys.signingKey, {
    algorithm: keys.algorithm,
    header: header as unknown as jwt.JwtHeader,
  });
}

/** An unsigned token: `alg: none` and an empty signature segment. */
export function unsignedToken(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
): string {
  return `${base64urlJson({ ...header, alg: 'none' })}.${base64urlJson(payload)}.`;
}

/** Re-encodes a token's payload, keeping the original header and signature (tampering). */
export function withPayload(token: string, payload: Record<string, unknown>): string {
  const [header, , signature] = token.split('.');
  return `${header}.${base64urlJson(payload)}.${signature}`;
}

export function decodePayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as Record<
    string,
    unknown
  >;
}
