import { hkdfSync } from 'node:crypto';
import type { SigningKeys } from './signing-keys.js';

/**
 * A key for another purpose (CSRF tokens), derived from the signing key with HKDF (RFC 5869).
 * Every instance that shares the signing key derives the same one, and knowing the derived
 * key reveals nothing about the signing key.
 */
export function deriveKey(keys: SigningKeys, purpose: string): Buffer {
  const material =
    keys.signingKey.type === 'secret'
      ? keys.signingKey.export()
      : keys.signingKey.export({ format: 'der', type: 'pkcs8' });
  return Buffer.from(hkdfSync('sha256', material, 'authlab', purpose, 32));
}
