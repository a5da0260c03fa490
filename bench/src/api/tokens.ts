import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  generateKeyPairSync,
  randomBytes,
  randomUUID,
  type KeyObject,
} from 'node:crypto';
import jwt from 'jsonwebtoken';

/**
 * Access tokens minted here as the API mints them, so that a load test can rotate a thousand
 * distinct tokens: one token repeated would flatter any cache on the way. Each is a copy of a
 * real token's claims (sub, username, role, session, version…, taken from a real sign-in, so
 * every claim the API checks stays valid) with its own jti, iat and exp.
 */
export interface SigningKey {
  algorithm: 'HS256' | 'ES256';
  kid: string;
  key: KeyObject;
  /** What the API is configured with: JWT_SECRET or JWT_PRIVATE_KEY. */
  env: Record<string, string>;
}

/** The API's default access-token lifetime; a full bench run is well inside it. */
const TTL_SECONDS = 900;

export function newHmacKey(): SigningKey {
  const secret = randomBytes(32);
  // The API's key id: it names the secret without revealing it (apps/api signing-keys.ts).
  const kid = createHmac('sha256', secret)
    .update('authlab key id')
    .digest('base64url')
    .slice(0, 16);
  return {
    algorithm: 'HS256',
    kid,
    key: createSecretKey(secret),
    env: { JWT_ALGORITHM: 'HS256', JWT_SECRET: secret.toString('base64') },
  };
}

export function newEcKey(): SigningKey {
  const pem = generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    .privateKey.export({ format: 'pem', type: 'pkcs8' })
    .toString();
  const jwk = createPublicKey(createPrivateKey(pem)).export({ format: 'jwk' });
  // RFC 7638 thumbprint, as the API computes it.
  const kid = createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }))
    .digest('base64url');
  return {
    algorithm: 'ES256',
    kid,
    key: createPrivateKey(pem),
    env: { JWT_ALGORITHM: 'ES256', JWT_PRIVATE_KEY: pem },
  };
}

/** The claims of real access tokens (from sign-ins), to copy. */
export function claimsOf(tokens: string[]): Array<Record<string, unknown>> {
  return tokens.map((token) => jwt.decode(token) as Record<string, unknown>);
}

/** `count` distinct tokens, spread over the given claim sets, each with its own jti. */
export function mintTokens(
  signing: SigningKey,
  claimSets: Array<Record<string, unknown>>,
  count: number,
): string[] {
  const now = Math.floor(Date.now() / 1000);
  return Array.from({ length: count }, (_, index) => {
    const claims = {
      ...claimSets[index % claimSets.length]!,
      jti: randomUUID(),
      iat: now,
      exp: now + TTL_SECONDS,
    };
    return jwt.sign(claims, signing.key, {
      algorithm: signing.algorithm,
      header: { alg: signing.algorithm, typ: 'at+jwt', kid: signing.kid },
    });
  });
}

/** Tokens that look right (same kid, same claims) but are signed with another secret: the 401 path. */
export function forgedTokens(
  signing: SigningKey,
  claimSets: Array<Record<string, unknown>>,
  count: number,
): string[] {
  const impostor = { ...newHmacKey(), kid: signing.kid };
  return mintTokens(impostor, claimSets, count);
}
