import type { ArticleAction, ArticlePolicyEntry } from './article-policy.js';
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
  /** @CheckPolicies(): the object-level rule checked on the article the route loads (article-policy.ts). */
  policy: { action: ArticleAction; subject: string } | null;
  /** Guards in the order they run: global ones first. */
  guards: string[];
  interceptors: string[];
  pipes: string[];
  summary?: string;
}

export interface RouteMetadataResponse {
  routes: RouteMetadata[];
  /** What each role may do to which articles: the conditions on top of the role matrix. */
  articlePolicy: ArticlePolicyEntry[];
  /** The mandatory (MAC) rules every role is held to, whatever its grants. */
  mandatoryRules: readonly string[];
}
