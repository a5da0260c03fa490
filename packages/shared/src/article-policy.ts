import { z } from 'zod';
import { ROLES, type Permission, type Role } from './roles.js';

/**
 * Ownership on top of roles. The role matrix (roles.ts) says which operations a role may use at
 * all; this policy narrows them to some articles: a draft is seen only by its author and by
 * editors. The API builds its CASL abilities from this table, and GET /api/meta/routes shows it.
 */
export const ARTICLE_STATUSES = ['published', 'draft'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * Which articles a grant covers: published ones, the caller's own, those their author shared
 * with the caller (discretionary access control, DAC: the owner decides), or every one.
 */
export const ARTICLE_SCOPES = ['published', 'own', 'shared', 'any'] as const;
export type ArticleScope = (typeof ARTICLE_SCOPES)[number];

/** What the policy lets a caller do to articles: the role matrix's permissions, and sharing. */
export const ARTICLE_ACTIONS = ['read', 'create', 'update', 'delete', 'share'] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

export const articleGrantSchema = z.object({
  permission: z.enum(ARTICLE_ACTIONS),
  on: z.enum(ARTICLE_SCOPES),
});
export type ArticleGrant = z.infer<typeof articleGrantSchema>;

/** The subject name CASL and @CheckPolicies() use for articles. */
export const ARTICLE_SUBJECT = 'Article';

// Every role with `read` reads published articles, its own and those shared with it; editors
// review every draft. Only an author shares an article (a grant the owner controls: DAC), and
// only a role that may change articles shares at all.
// Writers update and delete their own articles; editors update any; admins delete any — always
// among the articles the caller can see (an admin does not see others' drafts).
const ARTICLE_GRANTS: ReadonlyMap<Role, readonly ArticleGrant[]> = new Map<
  Role,
  readonly ArticleGrant[]
>([
  [
    'user',
    Object.freeze([
      { permission: 'read', on: 'published' },
      // An author demoted after writing still sees their own drafts.
      { permission: 'read', on: 'own' },
      { permission: 'read', on: 'shared' },
    ] as const),
  ],
  [
    'writer',
    Object.freeze([
      { permission: 'read', on: 'published' },
      { permission: 'read', on: 'own' },
      { permission: 'read', on: 'shared' },
      { permission: 'create', on: 'own' },
      { permission: 'update', on: 'own' },
      { permission: 'delete', on: 'own' },
      { permission: 'share', on: 'own' },
    ] as const),
  ],
  [
    'editor',
    Object.freeze([
      { permission: 'read', on: 'any' },
      { permission: 'create', on: 'own' },
      { permission: 'update', on: 'any' },
      { permission: 'share', on: 'own' },
    ] as const),
  ],
  [
    'admin',
    Object.freeze([
      { permission: 'read', on: 'published' },
      { permission: 'read', on: 'own' },
      { permission: 'read', on: 'shared' },
      { permission: 'create', on: 'own' },
      { permission: 'update', on: 'any' },
      { permission: 'delete', on: 'any' },
      { permission: 'share', on: 'own' },
    ] as const),
  ],
]);

/** What a role may do to which articles; an unknown role may do nothing. */
export function articleGrantsOf(role: unknown): readonly ArticleGrant[] {
  return (ROLES as readonly unknown[]).includes(role)
    ? (ARTICLE_GRANTS.get(role as Role) ?? [])
    : [];
}

/**
 * A machine client has no articles of its own and never sees drafts: it holds its scope's
 * permissions on published articles only.
 */
export function clientArticleGrants(scope: readonly Permission[]): readonly ArticleGrant[] {
  return scope.map((permission) => ({ permission, on: 'published' as const }));
}

/** The role-matrix permission a policy action needs from RolesGuard: sharing changes an article. */
export function permissionForAction(action: ArticleAction): Permission {
  return action === 'share' ? 'update' : action;
}

/** One grant in words, as the playground and the route catalogue show it: "read own articles (drafts too)". */
export function describeArticleGrant(grant: ArticleGrant): string {
  if (grant.permission === 'create') return 'create articles under their own name';
  if (grant.permission === 'share') return 'share their own articles with a named user';
  if (grant.on === 'shared') return `${grant.permission} articles shared with them`;
  if (grant.on === 'published') return `${grant.permission} published articles`;
  if (grant.on === 'own') return `${grant.permission} their own articles (drafts too)`;
  return `${grant.permission} every article, drafts too`;
}

/** The mandatory rules, the same for every role (GET /api/meta/routes shows them beside the grants). */
export const MANDATORY_ARTICLE_RULES: readonly string[] = Object.freeze([
  'nobody reads or changes an article labelled above their clearance (MAC)',
  'nobody labels an article above their own clearance (MAC)',
  'only an admin lowers an article’s label (MAC)',
  'nobody shares an article with a user cleared below its label (MAC)',
  'only admins set a user’s clearance',
]);

/** The whole policy, role by role (GET /api/meta/routes). */
export const articlePolicyEntrySchema = z.object({
  role: z.enum(ROLES),
  grants: z.array(articleGrantSchema),
  text: z.array(z.string()),
});
export type ArticlePolicyEntry = z.infer<typeof articlePolicyEntrySchema>;

export function articlePolicy(): ArticlePolicyEntry[] {
  return ROLES.map((role) => {
    const grants = [...articleGrantsOf(role)];
    return { role, grants, text: grants.map(describeArticleGrant) };
  });
}
