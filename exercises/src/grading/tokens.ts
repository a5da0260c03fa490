// Tokens for the graders, built byte by byte with node:crypto so that no library's own checks
// shape what a learner's code receives.
import { createHmac, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { ACCESS_TOKEN_TYPE, DEFAULT_AUDIENCE, DEFAULT_ISSUER } from '@authlab/shared';

export interface Keys {
  kid: string;
  publicKeyPem: string;
  privateKey: KeyObject;
  attackerPrivateKey: KeyObject;
  attackerPublicJwk: object;
}

export function makeKeys(): Keys {
  const ours = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const attacker = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return {
    kid: 'authlab-2026',
    publicKeyPem: ours.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: ours.privateKey,
    attackerPrivateKey: attacker.privateKey,
    attackerPublicJwk: attacker.publicKey.export({ format: 'jwk' }),
  };
}

export const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');
export const jsonSegment = (value: unknown) => b64url(JSON.stringify(value));

export type Signer = { es256: KeyObject } | { hmac: string | Buffer } | 'none';

/** A compact JWS; with raw, header and payload are strings put in their segments as they are. */
export function jws(header: unknown, payload: unknown, signer: Signer, raw = false): string {
  const segment = (value: unknown) => (raw ? b64url(value as string) : jsonSegment(value));
  const input = `${segment(header)}.${segment(payload)}`;
  if (signer === 'none') return `${input}.`;
  const signature =
    'es256' in signer
      ? sign('sha256', Buffer.from(input), { key: signer.es256, dsaEncoding: 'ieee-p1363' })
      : createHmac('sha256', signer.hmac).update(input).digest();
  return `${input}.${b64url(signature)}`;
}

/** The header and claims of a token exactly like those authlab issues, valid for 15 minutes. */
export function wellMade(keys: Keys) {
  const now = Math.floor(Date.now() / 1000);
  return {
    now,
    header: { alg: 'ES256', typ: ACCESS_TOKEN_TYPE, kid: keys.kid },
    claims: {
      sub: 'ada',
      role: 'writer',
      iss: DEFAULT_ISSUER,
      aud: DEFAULT_AUDIENCE,
      iat: now,
      exp: now + 900,
    },
  };
}
