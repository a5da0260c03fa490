import type { KeyObject } from 'node:crypto';

/** What a lab verifier decided about one token, and why, in a sentence a learner can read. */
export type Verdict =
  | { accepted: true; claims: Record<string, unknown>; reason: string }
  | { accepted: false; reason: string };

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
  issuer: { privateKey: KeyObject; publicKey: KeyObject; publicPem: string; kid: string };
  /** The key the kid-injection exercise's legitimate tokens name by `kid`. */
  kidKey: { kid: string; secret: Buffer };
  /** The attacker's ES256 pair, whose JWKS and private key the lab hands out (jku injection). */
  attacker: { privateKey: KeyObject; publicKey: KeyObject; kid: string };
}

export type Verifier = (token: string, keys: LabKeys) => Verdict;
