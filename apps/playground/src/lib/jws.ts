import { base64ToBytes, bytesToBase64url, textToBase64url } from './base64url';

/**
 * Checks and makes JWS signatures with the browser's WebCrypto. Nothing here trusts the token:
 * the algorithm must fit the key that was given, and any doubt is "cannot check", never "verified".
 */
export type SecretEncoding = 'utf8' | 'base64';

export type VerificationKey =
  | { kind: 'secret'; secret: string; encoding: SecretEncoding }
  | { kind: 'pem'; pem: string }
  | { kind: 'jwk'; jwk: JsonWebKey; source: string };

export type VerifyResult =
  | { status: 'verified'; text: string }
  | { status: 'mismatch'; text: string }
  | { status: 'cannot-check'; text: string };

type Family = 'HMAC' | 'RSA' | 'RSA-PSS' | 'EC' | 'EdDSA';

interface AlgorithmInfo {
  family: Family;
  hash?: 'SHA-256' | 'SHA-384' | 'SHA-512';
  curve?: 'P-256' | 'P-384' | 'P-521';
  saltLength?: number;
}

const ALGORITHMS: Readonly<Record<string, AlgorithmInfo>> = {
  HS256: { family: 'HMAC', hash: 'SHA-256' },
  HS384: { family: 'HMAC', hash: 'SHA-384' },
  HS512: { family: 'HMAC', hash: 'SHA-512' },
  RS256: { family: 'RSA', hash: 'SHA-256' },
  RS384: { family: 'RSA', hash: 'SHA-384' },
  RS512: { family: 'RSA', hash: 'SHA-512' },
  PS256: { family: 'RSA-PSS', hash: 'SHA-256', saltLength: 32 },
  PS384: { family: 'RSA-PSS', hash: 'SHA-384', saltLength: 48 },
  PS512: { family: 'RSA-PSS', hash: 'SHA-512', saltLength: 64 },
  ES256: { family: 'EC', hash: 'SHA-256', curve: 'P-256' },
  ES384: { family: 'EC', hash: 'SHA-384', curve: 'P-384' },
  ES512: { family: 'EC', hash: 'SHA-512', curve: 'P-521' },
  EdDSA: { family: 'EdDSA' },
  Ed25519: { family: 'EdDSA' },
};

export const HMAC_ALGORITHMS = ['HS256', 'HS384', 'HS512'] as const;
export type HmacAlgorithm = (typeof HMAC_ALGORITHMS)[number];

function algorithmOf(alg: unknown): AlgorithmInfo | undefined {
  return typeof alg === 'string' && Object.hasOwn(ALGORITHMS, alg) ? ALGORITHMS[alg] : undefined;
}

export function secretBytes(secret: string, encoding: SecretEncoding): Uint8Array<ArrayBuffer> {
  if (encoding === 'utf8') return new TextEncoder().encode(secret);
  return base64ToBytes(secret.trim());
}

function importParams(
  info: AlgorithmInfo,
): AlgorithmIdentifier | RsaHashedImportParams | EcKeyImportParams | HmacImportParams {
  switch (info.family) {
    case 'HMAC':
      return { name: 'HMAC', hash: info.hash! };
    case 'RSA':
      return { name: 'RSASSA-PKCS1-v1_5', hash: info.hash! };
    case 'RSA-PSS':
      return { name: 'RSA-PSS', hash: info.hash! };
    case 'EC':
      return { name: 'ECDSA', namedCurve: info.curve! };
    case 'EdDSA':
      return { name: 'Ed25519' };
  }
}

function verifyParams(info: AlgorithmInfo): AlgorithmIdentifier | RsaPssParams | EcdsaParams {
  switch (info.family) {
    case 'HMAC':
      return { name: 'HMAC' };
    case 'RSA':
      return { name: 'RSASSA-PKCS1-v1_5' };
    case 'RSA-PSS':
      return { name: 'RSA-PSS', saltLength: info.saltLength! };
    case 'EC':
      return { name: 'ECDSA', hash: info.hash! };
    case 'EdDSA':
      return { name: 'Ed25519' };
  }
}

class CannotCheck extends Error {}

/** The DER bytes of a PEM public key (SubjectPublicKeyInfo); anything else is explained. */
export function pemToSpki(pem: string): Uint8Array<ArrayBuffer> {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!match)
    throw new CannotCheck(
      'That is not a PEM block: it should start with -----BEGIN PUBLIC KEY-----.',
    );
  const label = match[1]!;
  if (label.includes('PRIVATE')) {
    throw new CannotCheck(
      'That is a private key. Paste the public key: verifying never needs the private one, and it should not leave its server.',
    );
  }
  if (label === 'CERTIFICATE')
    throw new CannotCheck(
      'That is a certificate. Paste the public key it contains (BEGIN PUBLIC KEY).',
    );
  if (label === 'RSA PUBLIC KEY')
    throw new CannotCheck(
      'That is a PKCS#1 RSA key. Paste it as SubjectPublicKeyInfo (BEGIN PUBLIC KEY).',
    );
  if (label !== 'PUBLIC KEY')
    throw new CannotCheck(
      `A PEM "${label}" block cannot verify a signature; paste BEGIN PUBLIC KEY.`,
    );
  try {
    return base64ToBytes(match[2]!);
  } catch {
    throw new CannotCheck('The PEM block is not valid base64.');
  }
}

async function importKey(
  key: VerificationKey,
  info: AlgorithmInfo,
  alg: string,
  usage: KeyUsage,
): Promise<CryptoKey> {
  if (key.kind === 'secret') {
    if (info.family !== 'HMAC') {
      throw new CannotCheck(
        `The token says ${alg}, a public-key algorithm: a shared secret cannot check it. Use a PEM key or the JWKS.`,
      );
    }
    if (key.secret.trim() === '') throw new CannotCheck('Type the secret first.');
    let bytes: Uint8Array<ArrayBuffer>;
    try {
      bytes = secretBytes(key.secret, key.encoding);
    } catch {
      throw new CannotCheck(
        'The secret is not valid base64. Switch the encoding to text if it is a passphrase.',
      );
    }
    if (bytes.length === 0) throw new CannotCheck('The secret is empty.');
    return crypto.subtle.importKey('raw', bytes, importParams(info), false, [usage]);
  }
  if (info.family === 'HMAC') {
    throw new CannotCheck(
      `The token says ${alg}, which needs the shared secret; a public key cannot check it (and must never be used as an HMAC secret).`,
    );
  }
  try {
    if (key.kind === 'pem')
      return await crypto.subtle.importKey('spki', pemToSpki(key.pem), importParams(info), false, [
        usage,
      ]);
    return await crypto.subtle.importKey('jwk', key.jwk, importParams(info), false, [usage]);
  } catch (error) {
    if (error instanceof CannotCheck) throw error;
    throw new CannotCheck(`This key does not fit ${alg} (wrong key type or curve).`);
  }
}

/**
 * Verifies the signature of a compact JWS with the key given. "verified" only when WebCrypto
 * itself said yes for exactly these bytes and this key.
 */
export async function verifyJws(token: string, key: VerificationKey): Promise<VerifyResult> {
  const parts = token.trim().split('.');
  if (parts.length !== 3) return { status: 'cannot-check', text: 'A signed JWT has three parts.' };
  const [headerSegment = '', payloadSegment = '', signatureSegment = ''] = parts;

  let alg: unknown;
  try {
    alg = (JSON.parse(new TextDecoder().decode(base64ToBytes(headerSegment))) as { alg?: unknown })
      .alg;
  } catch {
    return {
      status: 'cannot-check',
      text: 'The header cannot be read, so its algorithm is unknown.',
    };
  }
  if (typeof alg === 'string' && alg.toLowerCase() === 'none') {
    return {
      status: 'cannot-check',
      text: 'alg "none": the token is unsigned, so nothing can be verified. A server must refuse it.',
    };
  }
  const info = algorithmOf(alg);
  if (!info)
    return {
      status: 'cannot-check',
      text: `The algorithm ${JSON.stringify(alg)} is not one this page knows.`,
    };
  if (signatureSegment === '')
    return { status: 'cannot-check', text: 'The token has no signature.' };

  let signature: Uint8Array<ArrayBuffer>;
  try {
    signature = base64ToBytes(signatureSegment);
  } catch {
    return { status: 'cannot-check', text: 'The signature is not base64url.' };
  }

  try {
    const cryptoKey = await importKey(key, info, String(alg), 'verify');
    const data = new TextEncoder().encode(`${headerSegment}.${payloadSegment}`);
    const ok = await crypto.subtle.verify(verifyParams(info), cryptoKey, signature, data);
    const keyName =
      key.kind === 'secret'
        ? 'this secret'
        : key.kind === 'pem'
          ? 'this public key'
          : `the key ${key.source}`;
    return ok
      ? { status: 'verified', text: `Signature verified: ${String(alg)} with ${keyName}.` }
      : {
          status: 'mismatch',
          text: `Signature does not match ${keyName}: the token was changed, or signed with another key.`,
        };
  } catch (error) {
    if (error instanceof CannotCheck) return { status: 'cannot-check', text: error.message };
    return {
      status: 'cannot-check',
      text: `The browser could not run ${String(alg)}: ${(error as Error).message}`,
    };
  }
}

const HMAC_BLOCK_BYTES: Readonly<Record<string, number>> = {
  'SHA-256': 64,
  'SHA-384': 128,
  'SHA-512': 128,
};

/**
 * Signs header and payload with an HMAC secret and returns the compact token. `emptyKey` signs
 * with a zero-length key, as a verifier that read an empty file would (the kid-injection attack).
 */
export async function signHmacJws(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  secret: string,
  encoding: SecretEncoding,
  { emptyKey = false }: { emptyKey?: boolean } = {},
): Promise<string> {
  const alg = header.alg;
  const info = algorithmOf(alg);
  if (!info || info.family !== 'HMAC')
    throw new Error('Re-signing here uses HS256, HS384 or HS512.');
  // WebCrypto refuses a zero-length key; HMAC pads short keys with zero bytes to one block (RFC 2104 §2),
  // so a block of zeros gives the very same signature as an empty key.
  const key = emptyKey
    ? await crypto.subtle.importKey(
        'raw',
        new Uint8Array(HMAC_BLOCK_BYTES[info.hash!]!),
        importParams(info),
        false,
        ['sign'],
      )
    : await importKey({ kind: 'secret', secret, encoding }, info, String(alg), 'sign');
  const signingInput = `${textToBase64url(JSON.stringify(header))}.${textToBase64url(JSON.stringify(payload))}`;
  const signature = await crypto.subtle.sign(
    { name: 'HMAC' },
    key,
    new TextEncoder().encode(signingInput),
  );
  return `${signingInput}.${bytesToBase64url(new Uint8Array(signature))}`;
}

/** Header and payload re-encoded, with the signature left as it was (or empty for alg none). */
export function reassembleJws(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  signature: string,
): string {
  return `${textToBase64url(JSON.stringify(header))}.${textToBase64url(JSON.stringify(payload))}.${signature}`;
}

/** Picks the JWKS key that verifies a token: by kid, or the only one when the token has none. */
export function selectJwk(
  keys: readonly JsonWebKey[],
  kid: unknown,
): { key: JsonWebKey } | { problem: string } {
  if (keys.length === 0) {
    return {
      problem:
        'The key set is empty: the API signs with HS256, a shared secret, which is never published. Use the secret instead.',
    };
  }
  const withKid = keys as ReadonlyArray<JsonWebKey & { kid?: string }>;
  if (typeof kid === 'string') {
    const found = withKid.find((key) => key.kid === kid);
    return found
      ? { key: found }
      : { problem: `No key in the set has kid "${kid}": the API would refuse this token.` };
  }
  if (keys.length === 1) return { key: keys[0]! };
  return { problem: 'The token names no kid and the set has several keys.' };
}
