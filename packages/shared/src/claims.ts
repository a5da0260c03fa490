/**
 * What an authlab access token carries. Registered claims come from RFC 7519 §4.1; the `typ`
 * header value from RFC 9068 §2.1 marks the JWT as an access token, so an ID token or any other
 * JWT signed with the same key cannot be replayed as one.
 */
import type { Role } from './roles.js';

export const ACCESS_TOKEN_TYPE = 'at+jwt';

/** Default access-token lifetime in seconds (15 minutes). */
export const DEFAULT_ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

export const DEFAULT_ISSUER = 'authlab';
export const DEFAULT_AUDIENCE = 'authlab-api';

/** JOSE header fields that would let a token choose its own verification key. */
export const FORBIDDEN_JOSE_HEADER_FIELDS = ['jku', 'x5u', 'jwk', 'x5c', 'crit'] as const;

export const SIGNING_ALGORITHMS = ['HS256', 'ES256'] as const;
export type SigningAlgorithm = (typeof SIGNING_ALGORITHMS)[number];

export interface AccessTokenHeader {
  alg: SigningAlgorithm;
  typ: typeof ACCESS_TOKEN_TYPE;
  kid: string;
}

export interface AccessTokenClaims {
  /** Subject: the user id, as a string (RFC 7519 §4.1.2). */
  sub: string;
  username: string;
  role: Role;
  /** Issued at, seconds since the epoch. */
  iat: number;
  /** Expiry, seconds since the epoch. */
  exp: number;
  iss: string;
  aud: string;
  /** Token id, unique per token (used to deny-list one token). */
  jti: string;
  /** Session id: the refresh-token family this token was issued in; revoking it ends the token too. */
  sid: string;
  /** The user's token version when issued; a role or password change raises it, retiring older tokens. */
  ver: number;
}

/**
 * What a machine client's token carries (client credentials, RFC 9068 §2.2): the client is its
 * own subject, and `scope` lists its permissions. No username, no role, no session.
 */
export interface ClientAccessTokenClaims {
  sub: string;
  client_id: string;
  /** Space-separated permissions (RFC 8693 §4.2). */
  scope: string;
  iat: number;
  exp: number;
  iss: string;
  aud: string;
  jti: string;
  ver: number;
}
