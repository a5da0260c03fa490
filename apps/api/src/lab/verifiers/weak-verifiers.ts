import { createHmac, createPublicKey, timingSafeEqual } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { decodeJoseSegment } from '../../auth/authentication/jose-segment.js';
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

/** Mistake: trusting the header's `alg`, including "none" (no signature at all). */
export const trustsAlgNone: Verifier = (token, keys) => {
  const [headerPart, payloadPart] = token.split('.');
  const header = decodeJoseSegment(headerPart);
  const claims = decodeJoseSegment(payloadPart);
  if (!header || !claims) return refused('Not a JWT.');
  if (typeof header.alg === 'string' && header.alg.toLowerCase() === 'none') {
    return accepted(claims, 'alg is "none", so this verifier skipped the signature check.');
  }
  try {
    return accepted(
      jwt.verify(token, keys.real.key, { algorithms: [keys.real.algorithm] }) as Record<
        string,
        unknown
      >,
      'Signature checked.',
    );
  } catch {
    return refused('Bad signature.');
  }
};

/** Mistake: verifying the signature but ignoring `exp` (ignoreExpiration: true). */
export const ignoresExpiry: Verifier = (token, keys) => {
  try {
    const claims = jwt.verify(token, keys.real.key, {
      algorithms: [keys.real.algorithm],
      ignoreExpiration: true,
    }) as Record<string, unknown>;
    return accepted(claims, 'Signature checked; exp was never looked at.');
  } catch {
    return refused('Bad signature.');
  }
};

/** Mistake: an HS256 secret from a wordlist ("secret"), crackable offline from any one token. */
export const guessableSecret: Verifier = (token, keys) => {
  try {
    const claims = jwt.verify(token, keys.guessableSecret, { algorithms: ['HS256'] }) as Record<
      string,
      unknown
    >;
    return accepted(
      claims,
      `Signature matches the secret "${keys.guessableSecret}", which is in every wordlist.`,
    );
  } catch {
    return refused('The signature does not match the guessable secret.');
  }
};

/** The lab's own attacker JWKS: the only `jku` this verifier follows (the lab makes no outbound requests). */
const ATTACKER_JWKS_PATH = '/api/lab/attacker/jwks.json';

/** Mistake: loading the verification key from the URL in the token's own `jku` header. */
export const trustsJku: Verifier = (token, keys) => {
  const header = decodeJoseSegment(token.split('.')[0]);
  if (!header) return refused('Not a JWT.');
  if (typeof header.jku !== 'string')
    return refused('No jku header; this verifier only knows how to fetch keys.');
  let url: URL;
  try {
    url = new URL(header.jku);
  } catch {
    return refused('jku is not a URL.');
  }
  if (url.pathname !== ATTACKER_JWKS_PATH) {
    return refused(
      `In this lab, jku may only point at ${ATTACKER_JWKS_PATH} (no outbound requests are made).`,
    );
  }
  try {
    const claims = jwt.verify(token, keys.attacker.publicKey, { algorithms: ['ES256'] }) as Record<
      string,
      unknown
    >;
    return accepted(
      claims,
      `Verified with the key found at ${header.jku} — a key the token itself chose.`,
    );
  } catch {
    return refused(`The signature does not match the key at ${header.jku}.`);
  }
};

/**
 * Mistake: one verify function for every algorithm, fed the issuer's public key. With
 * alg=HS256 the PEM text becomes an HMAC secret — and the PEM is public.
 */
export const algorithmConfusion: Verifier = (token, keys) => {
  const [headerPart, payloadPart, signature = ''] = token.split('.');
  const header = decodeJoseSegment(headerPart);
  const claims = decodeJoseSegment(payloadPart);
  if (!header || !claims) return refused('Not a JWT.');
  if (header.alg === 'HS256') {
    const expected = createHmac('sha256', keys.issuer.publicPem)
      .update(`${headerPart}.${payloadPart}`)
      .digest();
    const given = Buffer.from(signature, 'base64url');
    return given.length === expected.length && timingSafeEqual(given, expected)
      ? accepted(
          claims,
          'alg is HS256, so the public key PEM was used as the HMAC secret — and it matched.',
        )
      : refused('HMAC with the public key PEM does not match.');
  }
  try {
    return accepted(
      jwt.verify(token, createPublicKey(keys.issuer.publicPem), {
        algorithms: ['ES256'],
      }) as Record<string, unknown>,
      'ES256 signature checked.',
    );
  } catch {
    return refused('Bad ES256 signature.');
  }
};

/** Keys "on disk", looked up by the token's `kid`, the way a file-path lookup would. */
function keyForKid(kid: unknown, keys: LabKeys): Buffer {
  if (kid === keys.kidKey.kid) return keys.kidKey.secret;
  // Mistake: an unknown kid (say "../../../../dev/null") reads as an empty file: an empty key.
  return Buffer.alloc(0);
}

/** Mistake: choosing the key by `kid` without refusing unknown ids. */
export const kidPathLookup: Verifier = (token, keys) => {
  const [headerPart, payloadPart, signature = ''] = token.split('.');
  const header = decodeJoseSegment(headerPart);
  const claims = decodeJoseSegment(payloadPart);
  if (!header || !claims) return refused('Not a JWT.');
  if (header.alg !== 'HS256') return refused('This verifier only knows HS256.');
  const key = keyForKid(header.kid, keys);
  const expected = createHmac('sha256', key).update(`${headerPart}.${payloadPart}`).digest();
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return refused(`No match with the key for kid ${JSON.stringify(header.kid)}.`);
  return accepted(
    claims,
    key.length === 0
      ? `kid ${JSON.stringify(header.kid)} found no key, so an empty key was used — and it matched.`
      : 'Signature checked.',
  );
};
