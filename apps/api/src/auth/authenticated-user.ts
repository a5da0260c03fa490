import type { Permission, Role } from '@authlab/shared';

/** Who made the request, as proven by a verified access token. Set on `request.user`. */
export interface AuthenticatedUser {
  id: number;
  username: string;
  role: Role;
  permissions: readonly Permission[];
  /** The token's id and expiry, for deny-listing it on sign-out. */
  tokenId: string;
  expiresAt: number;
}
