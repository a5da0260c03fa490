import { base64ToBytes, bytesToBase64url, textToBase64url } from './base64url';

/** The asymmetric algorithms the token editor signs with: the lab's issuers use these two. */
export const ASYMMETRIC_ALGORITHMS = ['ES256', 'RS256'] as const;
export type AsymmetricAlgorithm = (typeof ASYMMETRIC_ALGORITHMS)[number];

const PARAMS = {
  ES256: {
    import: { name: 'ECDSA', namedCurve: 'P-256' },
    sign: { name: 'ECDSA', hash: 'SHA-256' },
  },
  RS256: {
    import: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
    sign: { name: 'RSASSA-PKCS1-v1_5' },
  },
} as const;

function pemBlock(pem: string): { label: string; der: Uint8Array<ArrayBuffer> } | undefined {
  const match = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  return match ? { label: match[1]!, der: base64ToBytes(match[2]!) } : undefined;
}

/** PEM text for DER bytes: base64 in lines of 64, BEGIN and END lines, and the final newline. */
export function derToPem(der: ArrayBuffer, label: string): string {
  const base64 = btoa(String.fromCharCode(...new Uint8Array(der)));
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * A private key the learner pasted — PKCS#8 PEM ("BEGIN PRIVATE KEY") or a private JWK — as a
 * Web Crypto signing key for `alg`. A key of another type is refused with the reason.
 */
export async function importPrivateKey(text: string, alg: AsymmetricAlgorithm): Promise<CryptoKey> {
  const trimmed = text.trim();
  const params = PARAMS[alg].import;
  if (trimmed.startsWith('{')) {
    let jwk: JsonWebKey;
    try {
      jwk = JSON.parse(trimmed) as JsonWebKey;
    } catch {
      throw new Error('That JWK is not valid JSON.');
    }
    if (!jwk.d)
      throw new Error(
        'That JWK has no "d": it is a public key, and signing needs the private one.',
      );
    const { alg: _alg, key_ops: _ops, use: _use, ...bare } = jwk;
    try {
      return await crypto.subtle.importKey('jwk', bare, params, false, ['sign']);
    } catch {
      throw new Error(
        `That JWK is not an ${alg === 'ES256' ? 'EC P-256' : 'RSA'} private key (${alg}).`,
      );
    }
  }
  const block = pemBlock(trimmed);
  if (!block)
    throw new Error('Paste a PEM private key (-----BEGIN PRIVATE KEY-----) or a private JWK.');
  if (block.label !== 'PRIVATE KEY')
    throw new Error(
      `This is a "${block.label}" block; paste a PKCS#8 key (-----BEGIN PRIVATE KEY-----), as the lab hands out.`,
    );
  try {
    return await crypto.subtle.importKey('pkcs8', block.der, params, false, ['sign']);
  } catch {
    throw new Error(
      `That key is not an ${alg === 'ES256' ? 'EC P-256' : 'RSA'} private key (${alg}).`,
    );
  }
}

/** Signs header and payload with a private key (ES256: the raw r‖s signature JWS wants, RFC 7518 §3.4). */
export async function signAsymmetricJws(
  header: Record<string, unknown>,
  payload: Record<string, unknown>,
  keyText: string,
  alg: AsymmetricAlgorithm,
): Promise<string> {
  const key = await importPrivateKey(keyText, alg);
  const signingInput = `${textToBase64url(JSON.stringify(header))}.${textToBase64url(JSON.stringify(payload))}`;
  const signature = await crypto.subtle.sign(
    PARAMS[alg].sign,
    key,
    new TextEncoder().encode(signingInput),
  );
  return `${signingInput}.${bytesToBase64url(new Uint8Array(signature))}`;
}

/** A fresh key pair made in this browser: the private key as PKCS#8 PEM, the public one as a JWK. */
export async function generateKeyPair(
  alg: AsymmetricAlgorithm,
): Promise<{ privatePem: string; publicJwk: JsonWebKey }> {
  const pair = await crypto.subtle.generateKey(
    alg === 'ES256'
      ? PARAMS.ES256.import
      : { ...PARAMS.RS256.import, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['sign', 'verify'],
  );
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
  return {
    privatePem: derToPem(pkcs8, 'PRIVATE KEY'),
    publicJwk: await crypto.subtle.exportKey('jwk', pair.publicKey),
  };
}

/** The public half of a private key the learner pasted, as a bare JWK (what a jwk header carries). */
export async function publicJwkOf(keyText: string, alg: AsymmetricAlgorithm): Promise<JsonWebKey> {
  const trimmed = keyText.trim();
  let jwk: JsonWebKey;
  if (trimmed.startsWith('{')) jwk = JSON.parse(trimmed) as JsonWebKey;
  else {
    const block = pemBlock(trimmed);
    if (!block || block.label !== 'PRIVATE KEY')
      throw new Error('Paste a PEM private key (-----BEGIN PRIVATE KEY-----) or a private JWK.');
    const key = await crypto.subtle.importKey('pkcs8', block.der, PARAMS[alg].import, true, [
      'sign',
    ]);
    jwk = await crypto.subtle.exportKey('jwk', key);
  }
  return jwk.kty === 'RSA'
    ? { kty: 'RSA', n: jwk.n, e: jwk.e }
    : { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y };
}

/**
 * A public JWK (or the first key of a JWKS) as the PEM text a JWK-to-PEM conversion gives:
 * SubjectPublicKeyInfo, lines of 64, final newline. Those bytes are what a verifier that hands
 * the PEM to an HMAC uses as its secret.
 */
export async function jwkToPem(text: string): Promise<string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text.trim());
  } catch {
    throw new Error('Paste a JWK or a JWKS as JSON.');
  }
  const record = parsed as { keys?: JsonWebKey[] } & JsonWebKey;
  const jwk = Array.isArray(record.keys) ? record.keys[0] : record;
  if (!jwk || (jwk.kty !== 'RSA' && jwk.kty !== 'EC')) throw new Error('No RSA or EC key in it.');
  const bare =
    jwk.kty === 'RSA'
      ? { kty: 'RSA', n: jwk.n, e: jwk.e }
      : { kty: 'EC', crv: jwk.crv, x: jwk.x, y: jwk.y };
  const params =
    jwk.kty === 'RSA' ? PARAMS.RS256.import : { name: 'ECDSA', namedCurve: jwk.crv ?? 'P-256' };
  const key = await crypto.subtle.importKey('jwk', bare, params, true, ['verify']);
  return derToPem(await crypto.subtle.exportKey('spki', key), 'PUBLIC KEY');
}
