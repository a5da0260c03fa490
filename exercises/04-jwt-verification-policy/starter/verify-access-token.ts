import jwt from 'jsonwebtoken';

/** The one key the API trusts: its id and its ES256 public key (PEM). */
export interface VerificationKey {
  kid: string;
  publicKeyPem: string;
}

export interface AccessClaims {
  sub: string;
  iss: string;
  aud: string | string[];
  exp: number;
  iat: number;
  role?: string;
  [claim: string]: unknown;
}

/**
 * Returns the claims of an authlab access token, or throws if anything about it is not exactly
 * what authlab issues. See exercises/04-jwt-verification-policy/README.md for the policy.
 */
export function verifyAccessToken(token: string, _key: VerificationKey): AccessClaims {
  // Not written yet: decoding is not verifying.
  return jwt.decode(token) as AccessClaims;
}
