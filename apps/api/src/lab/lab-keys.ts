import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { jwkThumbprint } from '../auth/tokens/jwk-thumbprint.js';
import type { SigningKeys } from '../auth/tokens/signing-keys.js';
import type { AppConfig } from '../config/app-config.js';
import { KidKeyFolder } from './kid-key-folder.js';
import type { LabKeyPair, LabKeys } from './verifiers/verifier.js';

function es256Pair(): LabKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { privateKey, publicKey, kid: jwkThumbprint(publicKey) };
}

function rs256Pair(): LabKeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, publicKey, kid: jwkThumbprint(publicKey) };
}

const KID_KEY = 'lab-hs256-1';

/** Fresh lab keys at every start: nothing here is a secret worth keeping, except the real key. */
export function createLabKeys(config: AppConfig, signing: SigningKeys): LabKeys {
  const issuer = es256Pair();
  const kidSecret = randomBytes(32);
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
    jwksIssuer: rs256Pair(),
    kidKey: { kid: KID_KEY, secret: kidSecret, folder: new KidKeyFolder(KID_KEY, kidSecret) },
    attacker: es256Pair(),
  };
}

export const LAB_KEYS = Symbol('LAB_KEYS');
