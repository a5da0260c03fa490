import { createSecretKey, randomUUID } from 'node:crypto';
import jwt from 'jsonwebtoken';
import type { AppConfig } from '../config/app-config.js';
import { strictVerify } from './verifiers/strict-verify.js';
import type { LabKeys, Verifier } from './verifiers/verifier.js';
import {
  algorithmConfusion,
  guessableSecret,
  ignoresExpiry,
  kidPathLookup,
  trustsAlgNone,
  trustsJku,
} from './verifiers/weak-verifiers.js';

export interface LabExercise {
  id: string;
  title: string;
  /** What the weak verifier does wrong. */
  flaw: string;
  /** What the secure verifier does instead. */
  fix: string;
  /** A legitimate token for this exercise, as its issuer would hand it out; the learner forges from it. */
  issue(keys: LabKeys, config: AppConfig, nowSeconds: number): string;
  weak: Verifier;
  secure: Verifier;
}

function claims(config: AppConfig, nowSeconds: number, lifetimeSeconds: number) {
  return {
    sub: '0',
    username: 'lab-learner',
    role: 'user',
    iat: nowSeconds,
    exp: nowSeconds + lifetimeSeconds,
    iss: config.jwt.issuer,
    aud: config.jwt.audience,
    jti: randomUUID(),
  };
}

function signReal(keys: LabKeys, payload: object): string {
  return jwt.sign(payload, keys.real.signingKey, {
    algorithm: keys.real.algorithm,
    header: { alg: keys.real.algorithm, typ: 'at+jwt', kid: keys.real.kid },
  });
}

const secureReal: Verifier = (token, keys) => strictVerify(token, keys.real);

export const LAB_EXERCISES: readonly LabExercise[] = [
  {
    id: 'alg-none',
    title: 'alg: none',
    flaw: 'Believes the header: with alg "none" it skips the signature check.',
    fix: 'Pins the algorithm on the server (algorithms: ["HS256"]); the header never chooses.',
    issue: (keys, config, now) => signReal(keys, claims(config, now, 300)),
    weak: trustsAlgNone,
    secure: secureReal,
  },
  {
    id: 'ignored-expiry',
    title: 'An expired token that still works',
    flaw: 'Checks the signature but not exp (ignoreExpiration: true).',
    fix: 'Checks exp on every request and refuses a token without one.',
    // An old token, found in a log file: it expired a minute ago.
    issue: (keys, config, now) => signReal(keys, { ...claims(config, now - 960, 900) }),
    weak: ignoresExpiry,
    secure: secureReal,
  },
  {
    id: 'weak-secret',
    title: 'A guessable HMAC secret',
    flaw: 'Signs with "secret": one captured token lets anyone test a wordlist offline, then sign anything.',
    fix: 'Uses 256 random bits from configuration, never a word.',
    issue: (keys, config, now) =>
      jwt.sign(claims(config, now, 300), keys.guessableSecret, {
        algorithm: 'HS256',
        header: { alg: 'HS256', typ: 'at+jwt' },
      }),
    weak: guessableSecret,
    secure: secureReal,
  },
  {
    id: 'jku-injection',
    title: 'jku: the token names its own key',
    flaw: 'Fetches the verification key from the URL in the token header (jku).',
    fix: 'Takes key material only from configuration; jku, x5u, jwk, x5c and crit are refused.',
    issue: (keys, config, now) => signReal(keys, claims(config, now, 300)),
    weak: trustsJku,
    secure: secureReal,
  },
  {
    id: 'algorithm-confusion',
    title: 'Algorithm confusion (ES256 → HS256)',
    flaw: 'Passes the issuer public key to a verify that follows the header: with HS256 the public PEM becomes the HMAC secret.',
    fix: 'Pins ES256, and keeps keys as typed KeyObjects so a public key can never act as an HMAC secret.',
    issue: (keys, config, now) =>
      jwt.sign(claims(config, now, 300), keys.issuer.privateKey, {
        algorithm: 'ES256',
        header: { alg: 'ES256', typ: 'at+jwt', kid: keys.issuer.kid },
      }),
    weak: algorithmConfusion,
    secure: (token, keys) =>
      strictVerify(token, {
        key: keys.issuer.publicKey,
        algorithm: 'ES256',
        kid: keys.issuer.kid,
        issuer: keys.real.issuer,
        audience: keys.real.audience,
      }),
  },
  {
    id: 'kid-injection',
    title: 'kid injection',
    flaw: 'Looks the key up by kid like a file path; an unknown kid ("../../dev/null") yields an empty key.',
    fix: 'Refuses any kid that does not name a configured key.',
    issue: (keys, config, now) =>
      jwt.sign(claims(config, now, 300), keys.kidKey.secret, {
        algorithm: 'HS256',
        header: { alg: 'HS256', typ: 'at+jwt', kid: keys.kidKey.kid },
      }),
    weak: kidPathLookup,
    secure: (token, keys) =>
      strictVerify(token, {
        key: createSecretKey(keys.kidKey.secret),
        algorithm: 'HS256',
        kid: keys.kidKey.kid,
        issuer: keys.real.issuer,
        audience: keys.real.audience,
      }),
  },
];
