import { z } from 'zod';
import { ARTICLE_ACTIONS, articlePolicyEntrySchema } from './article-policy.js';
import { PERMISSIONS, ROLES } from './roles.js';

/** One route of the API as its decorators declare it, read at start-up (GET /api/meta/routes). */
export const routeMetadataSchema = z.object({
  method: z.string(),
  path: z.string(),
  controller: z.string(),
  handler: z.string(),
  /** Marked @Public(): no token needed. */
  public: z.boolean(),
  /** @OptionalAuth(): a token is checked if sent, and anonymous callers are served too. */
  optionalAuth: z.boolean(),
  /** @Roles(): the caller's role must be one of these. */
  roles: z.array(z.enum(ROLES)).nullable(),
  /** @RequirePermissions(): the caller's role must grant all of these. */
  permissions: z.array(z.enum(PERMISSIONS)).nullable(),
  /** @CheckPolicies(): the object-level rule checked on the article the route loads (article-policy.ts). */
  policy: z.object({ action: z.enum(ARTICLE_ACTIONS), subject: z.string() }).nullable(),
  /** Guards in the order they run: global ones first. */
  guards: z.array(z.string()),
  interceptors: z.array(z.string()),
  pipes: z.array(z.string()),
  summary: z.string().optional(),
});
export type RouteMetadata = z.infer<typeof routeMetadataSchema>;

export const routeMetadataResponseSchema = z.object({
  routes: z.array(routeMetadataSchema),
  /** What each role may do to which articles: the conditions on top of the role matrix. */
  articlePolicy: z.array(articlePolicyEntrySchema),
  /** The mandatory (MAC) rules every role is held to, whatever its grants. */
  mandatoryRules: z.array(z.string()).readonly(),
});
export type RouteMetadataResponse = z.infer<typeof routeMetadataResponseSchema>;
