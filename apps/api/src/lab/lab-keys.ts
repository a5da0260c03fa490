import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import type { SigningKeys } from '../auth/tokens/signing-keys.js';
import type { AppConfig } from '../config/app-config.js';
import type { LabKeys } from './verifiers/verifier.js';

function es256Pair() {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const jwk = publicKey.export({ format: 'jwk' });
  const kid = createHash('sha256')
    .update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }))
    .digest('base64url');
  return { privateKey, publicKey, kid };
}

/** Fresh lab keys at every start: nothing here is a secret worth keeping, except the real key. */
export function createLabKeys(config: AppConfig, signing: SigningKeys): LabKeys {
  const issuer = es256Pair();
  return {
    real: {
      key: signing.verificationKey,
      signingKey: signing.signingKey,
      algorithm: signing.algorithm,
      kid: signing.kid,
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
    },
    guessableSecret: 'secret',
    issuer: {
      ...issuer,
      publicPem: issuer.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
    },
    kidKey: { kid: 'lab-hs256-1', secret: randomBytes(32) },
    attacker: es256Pair(),
  };
}

export const LAB_KEYS = Symbol('LAB_KEYS');
