import type { Permission, Role } from '@authlab/shared';

/** A person, as proven by a verified access token. */
export interface AuthenticatedUser {
  kind: 'user';
  id: number;
  username: string;
  role: Role;
  /**
   * What the role grants, from the shared matrix — never from the token; for a token issued to
   * an application, only what both the role and the granted scope hold.
   */
  permissions: readonly Permission[];
  /** The application acting for the user (the token's `azp`); absent when the user signed in. */
  delegatedTo?: string;
  /** The token's id and expiry, for deny-listing it on sign-out; iat for the trace. */
  tokenId: string;
  issuedAt: number;
  expiresAt: number;
  /** The session (refresh-token family) the token was issued in. */
  sessionId: string;
  /** The user's token version when the token was issued. */
  tokenVersion: number;
}

/** A machine client, as proven by a client-credentials token: no role, only the scope it was granted. */
export interface AuthenticatedClient {
  kind: 'client';
  clientId: string;
  /** The token's scope: a subset of what the client was registered with. */
  permissions: readonly Permission[];
  tokenId: string;
  issuedAt: number;
  expiresAt: number;
  tokenVersion: number;
}

/** Whoever made the request. Set on `request.user` by JwtAuthGuard. */
export type Principal = AuthenticatedUser | AuthenticatedClient;

/** How revocation names a principal: `user:42`, `client:cl_…`. */
export function principalKey(principal: Principal): string {
  return principal.kind === 'user' ? `user:${principal.id}` : `client:${principal.clientId}`;
}
