import type { Permission, Role } from './roles.js';

/** One route of the API as its decorators declare it, read at start-up (GET /api/meta/routes). */
export interface RouteMetadata {
  method: string;
  path: string;
  controller: string;
  handler: string;
  /** Marked @Public(): no token needed. */
  public: boolean;
  /** @OptionalAuth(): a token is checked if sent, and anonymous callers are served too. */
  optionalAuth: boolean;
  /** @Roles(): the caller's role must be one of these. */
  roles: Role[] | null;
  /** @RequirePermissions(): the caller's role must grant all of these. */
  permissions: Permission[] | null;
  /** Guards in the order they run: global ones first. */
  guards: string[];
  interceptors: string[];
  pipes: string[];
  summary?: string;
}

export interface RouteMetadataResponse {
  routes: RouteMetadata[];
}
