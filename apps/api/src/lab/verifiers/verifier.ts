import type { KeyObject } from 'node:crypto';
import type { TraceCheck } from '@authlab/shared';
import type { KidKeyFolder } from '../kid-key-folder.js';

/**
 * What a lab verifier decided about one token, and why, in a sentence a learner can read; with
 * the checks it ran (or skipped) where the exercise is about one of them (exp, say).
 */
export type Verdict =
  | { accepted: true; claims: Record<string, unknown>; reason: string; checks?: TraceCheck[] }
  | { accepted: false; reason: string; checks?: TraceCheck[] };

/** An ES256 or RS256 pair the lab generated, with the kid it is published under. */
export interface LabKeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
  kid: string;
}

/** The keys and settings the lab's verifiers work with; generated fresh at every start. */
export interface LabKeys {
  /** The API's real signing key and rules: what the secure verifiers use. */
  real: {
    key: KeyObject;
    signingKey: KeyObject;
    algorithm: 'HS256' | 'ES256';
    kid: string;
    issuer: string;
    audience: string;
  };
  /** A secret from every wordlist: what the weak-secret verifier signs with. */
  guessableSecret: string;
  /** The lab issuer's ES256 pair, whose public PEM is published (algorithm confusion). */
  issuer: LabKeyPair & { publicPem: string };
  /** An RS256 issuer that publishes its key only as a JWK in its JWKS (algorithm confusion, JWK). */
  jwksIssuer: LabKeyPair;
  /** The key the kid exercise's legitimate tokens name by `kid`, and the folder it is looked up in. */
  kidKey: { kid: string; secret: Buffer; folder: KidKeyFolder };
  /** The attacker's ES256 pair, whose JWKS and private key the lab hands out (jku injection). */
  attacker: LabKeyPair;
}

/** `nowSeconds`: the API's clock (simulated in demo and lab mode), which every lab verifier reads. */
export type Verifier = (token: string, keys: LabKeys, nowSeconds: number) => Verdict;
