import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  generateKeyPairSync,
  randomBytes,
  type KeyObject,
} from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { JsonWebKeySet, SigningAlgorithm } from '@authlab/shared';
import type { AppConfig } from '../../config/app-config.js';
import { ConfigError } from '../../config/load-config.js';

/** The one key pair (or secret) that signs and verifies access tokens. */
export interface SigningKeys {
  algorithm: SigningAlgorithm;
  /** Key id written to every token header; any other `kid` is refused. */
  kid: string;
  // KeyObjects, not strings: jsonwebtoken re-parses a string secret on every verify (≈ 40× slower),
  // and a KeyObject also pins the key type, so an RSA/EC public key can never be used as an HMAC secret.
  signingKey: KeyObject;
  verificationKey: KeyObject;
  /** What /.well-known/jwks.json publishes: the public key, or nothing for a shared secret. */
  jwks: JsonWebKeySet;
}

export const SIGNING_KEYS = Symbol('SIGNING_KEYS');

const MIN_SECRET_BYTES = 32;

function base64url(bytes: Buffer): string {
  return bytes.toString('base64url');
}

export function decodeSecret(encoded: string): Buffer {
  const bytes = Buffer.from(encoded.trim(), 'base64');
  if (bytes.length < MIN_SECRET_BYTES) {
    throw new ConfigError(
      `JWT_SECRET must be base64 of at least ${MIN_SECRET_BYTES} random bytes (256 bits); it decodes to ${bytes.length}.`,
    );
  }
  return bytes;
}

/** Reads a development key from the data folder, creating it (readable by its owner only) the first time. */
async function readOrCreate(file: string, create: () => string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  await mkdir(path.dirname(file), { recursive: true });
  const content = create();
  // 'wx' fails if another process created the file meanwhile, instead of overwriting its key.
  await writeFile(file, content, { mode: 0o600, flag: 'wx' }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EEXIST') throw error;
    },
  );
  return readFile(file, 'utf8');
}

export function hmacKeys(secret: Buffer): SigningKeys {
  const key = createSecretKey(secret);
  // A key id that names the secret without revealing it.
  const kid = base64url(createHmac('sha256', secret).update('authlab key id').digest()).slice(
    0,
    16,
  );
  return { algorithm: 'HS256', kid, signingKey: key, verificationKey: key, jwks: { keys: [] } };
}

export function ecKeys(privateKeyPem: string): SigningKeys {
  const privateKey = createPrivateKey(privateKeyPem);
  if (
    privateKey.asymmetricKeyType !== 'ec' ||
    privateKey.asymmetricKeyDetails?.namedCurve !== 'prime256v1'
  ) {
    throw new ConfigError('JWT_PRIVATE_KEY must be an EC P-256 private key for ES256.');
  }
  const publicKey = createPublicKey(privateKey);
  const jwk = publicKey.export({ format: 'jwk' });
  // RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order.
  const thumbprint = createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }))
    .digest();
  const kid = base64url(thumbprint);
  return {
    algorithm: 'ES256',
    kid,
    signingKey: privateKey,
    verificationKey: publicKey,
    jwks: {
      keys: [{ kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y!, kid, alg: 'ES256', use: 'sig' }],
    },
  };
}

/**
 * Key material comes only from configuration, or — outside production — from a key generated
 * once and kept in the data folder, so tokens survive a restart. Never a hard-coded default.
 */
export async function loadSigningKeys(config: AppConfig): Promise<SigningKeys> {
  const { jwt, dataDir } = config;
  if (jwt.algorithm === 'HS256') {
    if (jwt.secret) return hmacKeys(decodeSecret(jwt.secret));
    const stored = await readOrCreate(path.join(dataDir, 'jwt-hs256.secret'), () =>
      randomBytes(MIN_SECRET_BYTES).toString('base64'),
    );
    return hmacKeys(decodeSecret(stored));
  }
  if (jwt.privateKeyPem) return ecKeys(jwt.privateKeyPem);
  const pem = await readOrCreate(path.join(dataDir, 'jwt-es256-private.pem'), () =>
    generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString(),
  );
  return ecKeys(pem);
}
