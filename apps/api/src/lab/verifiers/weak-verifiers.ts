import { createHmac, createPublicKey, timingSafeEqual, type JsonWebKey } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { formatDuration } from '../../auth/authentication/token-checks.js';
import { decodeJoseSegment } from '../../auth/authentication/jose-segment.js';
import { KidKeyFolder } from '../kid-key-folder.js';
import type { LabKeys, Verdict, Verifier } from './verifier.js';

/*
 * DELIBERATELY BROKEN VERIFIERS. Each one repeats a real mistake, so the lab can show the same
 * forged token accepted here and refused by the secure verifier. Never copy these; the secure
 * way is strictVerify() and the real JwtStrategy.
 */

function accepted(claims: Record<string, unknown>, reason: string): Verdict {
  return { accepted: true, claims, reason };
}

function refused(reason: string): Verdict {
  return { accepted: false, reason };
}

function decoded(token: string) {
  const [headerPart = '', payloadPart = '', signature = ''] = token.split('.');
  const header = decodeJoseSegment(headerPart);
  const claims = decodeJoseSegment(payloadPart);
  return header && claims ? { header, claims, headerPart, payloadPart, signature } : undefined;
}

/** jsonwebtoken's verify, read on the API's clock; undefined when it refuses. */
function verified(
  token: string,
  key: jwt.Secret,
  algorithms: jwt.Algorithm[],
  nowSeconds: number,
  options: jwt.VerifyOptions = {},
): Record<string, unknown> | undefined {
  try {
    return jwt.verify(token, key, { algorithms, clockTimestamp: nowSeconds, ...options }) as Record<
      string,
      unknown
    >;
  } catch {
    return undefined;
  }
}

/** HMAC-SHA256 over "header.payload" with `key`, compared in constant time with the signature. */
function hmacMatches(token: NonNullable<ReturnType<typeof decoded>>, key: Buffer | string) {
  const expected = createHmac('sha256', key)
    .update(`${token.headerPart}.${token.payloadPart}`)
    .digest();
  const given = Buffer.from(token.signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Mistake: decoding the token and believing it — the signature is never checked. */
export const decodesOnly: Verifier = (token) => {
  const parts = decoded(token);
  if (!parts) return refused('Not a JWT: the header or payload is not base64url JSON.');
  return {
    ...accepted(
      parts.claims,
      'Decoded the payload and believed it: the signature was never checked.',
    ),
    checks: [
      { name: 'signature', ok: null, text: 'not checked: this verifier only decodes (jwt.decode)' },
    ],
  };
};

/** Mistake: trusting the header's `alg`, including "none" (no signature at all). */
export const trustsAlgNone: Verifier = (token, keys, now) => {
  const parts = decoded(token);
  if (!parts) return refused('Not a JWT.');
  if (typeof parts.header.alg === 'string' && parts.header.alg.toLowerCase() === 'none') {
    return accepted(parts.claims, 'alg is "none", so this verifier skipped the signature check.');
  }
  const claims = verified(token, keys.real.key, [keys.real.algorithm], now);
  return claims ? accepted(claims, 'Signature checked.') : refused('Bad signature.');
};

/** Mistake: verifying the signature but ignoring `exp` (ignoreExpiration: true). */
export const ignoresExpiry: Verifier = (token, keys, now) => {
  const claims = verified(token, keys.real.key, [keys.real.algorithm], now, {
    ignoreExpiration: true,
  });
  if (!claims) return refused('Bad signature.');
  const left = typeof claims.exp === 'number' ? claims.exp - now : undefined;
  const truth =
    left === undefined
      ? 'it has no exp at all'
      : left > 0
        ? `it expires in ${formatDuration(left)}`
        : `it expired ${formatDuration(left)} ago`;
  return {
    ...accepted(
      claims,
      `Signature checked; exp was never looked at (${truth}, on the API's clock).`,
    ),
    checks: [
      { name: 'signature', ok: true, text: 'verified with the real key' },
      { name: 'exp', ok: null, text: `not checked (ignoreExpiration: true) — ${truth}` },
    ],
  };
};

/** Mistake: an HS256 secret from a wordlist ("secret"), crackable offline from any one token. */
export const guessableSecret: Verifier = (token, keys, now) => {
  const claims = verified(token, keys.guessableSecret, ['HS256'], now);
  return claims
    ? accepted(
        claims,
        `Signature matches the secret "${keys.guessableSecret}", which is in every wordlist.`,
      )
    : refused('The signature does not match the guessable secret.');
};

/** Mistake: verifying with the key the token embeds in its own `jwk` header. */
export const trustsJwkHeader: Verifier = (token, keys, now) => {
  const parts = decoded(token);
  if (!parts) return refused('Not a JWT.');
  const jwk = parts.header.jwk;
  if (jwk === undefined) {
    const claims = verified(token, keys.issuer.publicKey, ['ES256'], now);
    return claims
      ? accepted(claims, "No jwk header: verified with the issuer's ES256 key.")
      : refused("No jwk header, and the signature does not match the issuer's key.");
  }
  let key;
  try {
    key = createPublicKey({ key: jwk as JsonWebKey, format: 'jwk' });
  } catch {
    return refused('The jwk header is not a public key this verifier can read.');
  }
  const algorithm = key.asymmetricKeyType === 'rsa' ? 'RS256' : 'ES256';
  const claims = verified(token, key, [algorithm], now);
  return claims
    ? accepted(
        claims,
        `Verified with the ${algorithm} key in the token's own jwk header — a key the token brought with it.`,
      )
    : refused(`The signature does not match the ${algorithm} key in the jwk header.`);
};

/** The lab's own attacker JWKS: the only `jku` this verifier follows (the lab makes no outbound requests). */
export const ATTACKER_JWKS_PATH = '/api/lab/attacker/jwks.json';

/**
 * Mistake: loading the verification key from the URL in the token's own `jku` header. The lab
 * never fetches anything: a jku whose path is the lab's attacker JWKS is answered from memory,
 * with the key that route serves; any other jku is refused.
 */
export const trustsJku: Verifier = (token, keys, now) => {
  const parts = decoded(token);
  if (!parts) return refused('Not a JWT.');
  if (parts.header.jku === undefined) {
    const claims = verified(token, keys.real.key, [keys.real.algorithm], now);
    return claims
      ? accepted(claims, 'No jku header: verified with the configured key.')
      : refused('Bad signature.');
  }
  const jku = parts.header.jku;
  if (typeof jku !== 'string') return refused('jku is not a URL.');
  let url: URL;
  try {
    url = new URL(jku);
  } catch {
    return refused('jku is not a URL.');
  }
  if (url.pathname !== ATTACKER_JWKS_PATH) {
    return refused(
      `In this lab, jku may only point at ${ATTACKER_JWKS_PATH} (no outbound requests are made).`,
    );
  }
  const claims = verified(token, keys.attacker.publicKey, ['ES256'], now);
  return claims
    ? accepted(claims, `Verified with the key found at ${jku} — a key the token itself chose.`)
    : refused(`The signature does not match the key at ${jku}.`);
};

/**
 * Mistake: one verify function for every algorithm, fed the issuer's public key as text. With
 * alg HS256 that text becomes an HMAC secret — and a public key is public.
 */
function confusedVerifier(
  publicKeyText: (keys: LabKeys) => string,
  asymmetric: 'ES256' | 'RS256',
  source: string,
): Verifier {
  return (token, keys, now) => {
    const parts = decoded(token);
    if (!parts) return refused('Not a JWT.');
    if (parts.header.alg === 'HS256') {
      return hmacMatches(parts, publicKeyText(keys))
        ? accepted(
            parts.claims,
            `alg is HS256, so ${source} was used as the HMAC secret — and it matched.`,
          )
        : refused(`HMAC with ${source} does not match.`);
    }
    const claims = verified(token, createPublicKey(publicKeyText(keys)), [asymmetric], now);
    return claims
      ? accepted(claims, `${asymmetric} signature checked.`)
      : refused(`Bad ${asymmetric} signature.`);
  };
}

/** The published PEM, used as the HMAC secret when the header says HS256. */
export const algorithmConfusion = confusedVerifier(
  (keys) => keys.issuer.publicPem,
  'ES256',
  'the public key PEM',
);

/**
 * The issuer publishes only a JWKS; this verifier turns the JWK into a PEM (as jwk-to-pem and
 * most libraries do) and hands that PEM text to a verify that follows the header.
 */
export const algorithmConfusionFromJwk = confusedVerifier(
  (keys) => keys.jwksIssuer.publicKey.export({ format: 'pem', type: 'spki' }).toString(),
  'RS256',
  "the PEM made from the JWKS's key",
);

/**
 * Mistake: looking the key up on disk by `kid`, a path joined without refusing `..`. A plain
 * unknown kid finds no file and is refused; "../../../../dev/null" climbs out of keys/ to an
 * empty file, and an empty key is still an HMAC key.
 */
export const kidPathLookup: Verifier = (token, keys) => {
  const parts = decoded(token);
  if (!parts) return refused('Not a JWT.');
  if (parts.header.alg !== 'HS256') return refused('This verifier only knows HS256.');
  const kid = parts.header.kid;
  if (typeof kid !== 'string') return refused('No kid: this verifier looks every key up by kid.');
  const path = KidKeyFolder.pathFor(kid);
  const key = keys.kidKey.folder.read(kid);
  if (!key) return refused(`kid ${JSON.stringify(kid)}: no key file at ${path}.`);
  if (!hmacMatches(parts, key))
    return refused(`No match with the key file ${path} (${key.length} bytes).`);
  return accepted(
    parts.claims,
    kid === keys.kidKey.kid
      ? 'Signature checked.'
      : `kid ${JSON.stringify(kid)} led to ${path} (${key.length} bytes), read as the key — and it matched.`,
  );
};
