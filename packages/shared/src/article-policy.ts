import { ROLES, type Permission, type Role } from './roles.js';

/**
 * Ownership on top of roles. The role matrix (roles.ts) says which operations a role may use at
 * all; this policy narrows them to some articles: a draft is seen only by its author and by
 * editors. The API builds its CASL abilities from this table, and GET /api/meta/routes shows it.
 */
export const ARTICLE_STATUSES = ['published', 'draft'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/** Which articles a grant covers. */
export const ARTICLE_SCOPES = ['published', 'own', 'any'] as const;
export type ArticleScope = (typeof ARTICLE_SCOPES)[number];

export interface ArticleGrant {
  permission: Permission;
  on: ArticleScope;
}

/** The subject name CASL and @CheckPolicies() use for articles. */
export const ARTICLE_SUBJECT = 'Article';

// Every role with `read` reads published articles and its own; editors review every draft.
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
    ] as const),
  ],
  [
    'writer',
    Object.freeze([
      { permission: 'read', on: 'published' },
      { permission: 'read', on: 'own' },
      { permission: 'create', on: 'own' },
      { permission: 'update', on: 'own' },
      { permission: 'delete', on: 'own' },
    ] as const),
  ],
  [
    'editor',
    Object.freeze([
      { permission: 'read', on: 'any' },
      { permission: 'create', on: 'own' },
      { permission: 'update', on: 'any' },
    ] as const),
  ],
  [
    'admin',
    Object.freeze([
      { permission: 'read', on: 'published' },
      { permission: 'read', on: 'own' },
      { permission: 'create', on: 'own' },
      { permission: 'update', on: 'any' },
      { permission: 'delete', on: 'any' },
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

/** One grant in words, as the playground and the route catalogue show it: "read own articles (drafts too)". */
export function describeArticleGrant(grant: ArticleGrant): string {
  if (grant.permission === 'create') return 'create articles under their own name';
  if (grant.on === 'published') return `${grant.permission} published articles`;
  if (grant.on === 'own') return `${grant.permission} their own articles (drafts too)`;
  return `${grant.permission} every article, drafts too`;
}

/** The whole policy, role by role (GET /api/meta/routes). */
export interface ArticlePolicyEntry {
  role: Role;
  grants: ArticleGrant[];
  text: string[];
}

export function articlePolicy(): ArticlePolicyEntry[] {
  return ROLES.map((role) => {
    const grants = [...articleGrantsOf(role)];
    return { role, grants, text: grants.map(describeArticleGrant) };
  });
}
