import { createSecretKey, randomUUID, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { AppConfig } from '../config/app-config.js';
import { strictVerify } from './verifiers/strict-verify.js';
import type { LabKeys, Verifier } from './verifiers/verifier.js';
import {
  algorithmConfusion,
  algorithmConfusionFromJwk,
  decodesOnly,
  guessableSecret,
  ignoresExpiry,
  kidPathLookup,
  trustsAlgNone,
  trustsJku,
  trustsJwkHeader,
} from './verifiers/weak-verifiers.js';

export interface LabExercise {
  id: string;
  title: string;
  /** What the weak verifier does wrong. */
  flaw: string;
  /** What the secure verifier does instead, and the rule it follows. */
  fix: string;
  /** A legitimate token for this exercise, as its issuer would hand it out; the learner forges from it. */
  issue(keys: LabKeys, config: AppConfig, nowSeconds: number): string;
  weak: Verifier;
  secure: Verifier;
}

/** How long the lab's legitimate tokens live: five minutes on the API's clock. */
export const LAB_TOKEN_SECONDS = 300;

function claims(config: AppConfig, nowSeconds: number) {
  return {
    sub: '0',
    username: 'lab-learner',
    role: 'user',
    iat: nowSeconds,
    exp: nowSeconds + LAB_TOKEN_SECONDS,
    iss: config.jwt.issuer,
    aud: config.jwt.audience,
    jti: randomUUID(),
  };
}

function signReal(keys: LabKeys, config: AppConfig, now: number): string {
  return jwt.sign(claims(config, now), keys.real.signingKey, {
    algorithm: keys.real.algorithm,
    header: { alg: keys.real.algorithm, typ: 'at+jwt', kid: keys.real.kid },
  });
}

function signWith(
  key: KeyObject | Buffer | string,
  algorithm: 'HS256' | 'ES256' | 'RS256',
  kid?: string,
) {
  return (_keys: LabKeys, config: AppConfig, now: number) =>
    jwt.sign(claims(config, now), key, {
      algorithm,
      header: { alg: algorithm, typ: 'at+jwt', ...(kid ? { kid } : {}) },
    });
}

const secureReal: Verifier = (token, keys, now) => strictVerify(token, keys.real, now);

/** The strict verifier for an issuer of the lab's own, with the API's issuer and audience. */
function secureFor(
  pick: (keys: LabKeys) => { key: KeyObject; kid: string },
  algorithm: 'HS256' | 'ES256' | 'RS256',
): Verifier {
  return (token, keys, now) =>
    strictVerify(
      token,
      { ...pick(keys), algorithm, issuer: keys.real.issuer, audience: keys.real.audience },
      now,
    );
}

/**
 * The exercises, one for each class of JWT attack PortSwigger's Web Security Academy teaches,
 * plus an expired token met on the API's clock. Each strict verifier cites the RFC 8725 (JWT
 * BCP) section it follows.
 */
export const LAB_EXERCISES: readonly LabExercise[] = [
  {
    id: 'unverified-signature',
    title: 'A signature nobody checks',
    flaw: 'Decodes the token (jwt.decode) and believes its claims; the signature is never verified.',
    fix: 'Verifies the signature before reading any claim, and refuses the token if it fails (RFC 8725 §3.3).',
    issue: signReal,
    weak: decodesOnly,
    secure: secureReal,
  },
  {
    id: 'alg-none',
    title: 'alg: none',
    flaw: 'Believes the header: with alg "none" it skips the signature check.',
    fix: 'Pins the algorithm on the server (algorithms: ["HS256"]); the header never chooses (RFC 8725 §3.1).',
    issue: signReal,
    weak: trustsAlgNone,
    secure: secureReal,
  },
  {
    id: 'weak-secret',
    title: 'A guessable HMAC secret',
    flaw: 'Signs with "secret": one captured token lets anyone test a wordlist offline, then sign anything.',
    fix: 'Uses 256 random bits from configuration, never a word (RFC 8725 §3.5).',
    issue: (keys, config, now) => signWith(keys.guessableSecret, 'HS256')(keys, config, now),
    weak: guessableSecret,
    secure: secureReal,
  },
  {
    id: 'jwk-injection',
    title: 'jwk: the token brings its own key',
    flaw: 'Verifies with the public key embedded in the token header (jwk), so any key pair will do.',
    fix: 'Takes key material only from configuration; a header with jwk is refused (RFC 8725 §3.10).',
    issue: (keys, config, now) =>
      signWith(keys.issuer.privateKey, 'ES256', keys.issuer.kid)(keys, config, now),
    weak: trustsJwkHeader,
    secure: secureFor((keys) => ({ key: keys.issuer.publicKey, kid: keys.issuer.kid }), 'ES256'),
  },
  {
    id: 'jku-injection',
    title: 'jku: the token names its own key',
    flaw: 'Fetches the verification key from the URL in the token header (jku).',
    fix: 'Takes key material only from configuration; jku, x5u, jwk, x5c and crit are refused (RFC 8725 §3.10).',
    issue: signReal,
    weak: trustsJku,
    secure: secureReal,
  },
  {
    id: 'kid-path-traversal',
    title: 'kid path traversal',
    flaw: 'Reads the key from the file the kid names in its key folder, without refusing "../": a kid can climb out to /dev/null, an empty file.',
    fix: 'Treats kid as an opaque name and refuses any kid that names no configured key (RFC 8725 §3.10).',
    issue: (keys, config, now) =>
      signWith(keys.kidKey.secret, 'HS256', keys.kidKey.kid)(keys, config, now),
    weak: kidPathLookup,
    secure: secureFor(
      (keys) => ({ key: createSecretKey(keys.kidKey.secret), kid: keys.kidKey.kid }),
      'HS256',
    ),
  },
  {
    id: 'algorithm-confusion',
    title: 'Algorithm confusion (ES256 → HS256, key published as a PEM)',
    flaw: 'Passes the issuer public key to a verify that follows the header: with HS256 the public PEM becomes the HMAC secret.',
    fix: 'Pins ES256 for that key, and keeps keys as typed KeyObjects so a public key can never act as an HMAC secret (RFC 8725 §3.1).',
    issue: (keys, config, now) =>
      signWith(keys.issuer.privateKey, 'ES256', keys.issuer.kid)(keys, config, now),
    weak: algorithmConfusion,
    secure: secureFor((keys) => ({ key: keys.issuer.publicKey, kid: keys.issuer.kid }), 'ES256'),
  },
  {
    id: 'algorithm-confusion-jwk',
    title: 'Algorithm confusion (RS256 → HS256, key published only in a JWKS)',
    flaw: 'Turns the JWK from its JWKS into a PEM and passes it to a verify that follows the header: with HS256 that PEM text is the HMAC secret.',
    fix: 'Pins RS256 for that key; a key from a JWKS is used only with its own algorithm (RFC 8725 §3.1).',
    issue: (keys, config, now) =>
      signWith(keys.jwksIssuer.privateKey, 'RS256', keys.jwksIssuer.kid)(keys, config, now),
    weak: algorithmConfusionFromJwk,
    secure: secureFor(
      (keys) => ({ key: keys.jwksIssuer.publicKey, kid: keys.jwksIssuer.kid }),
      'RS256',
    ),
  },
  {
    id: 'ignored-expiry',
    title: 'An expired token that still works',
    flaw: 'Checks the signature but not exp (ignoreExpiration: true).',
    fix: "Checks exp on every request, on the API's clock, and refuses a token without one (RFC 7519 §4.1.4).",
    issue: signReal,
    weak: ignoresExpiry,
    secure: secureReal,
  },
];
