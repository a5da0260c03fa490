import {
  articleGrantsOf,
  permissionForAction,
  type ArticleAction,
  type ArticleGrant,
  type ArticleStatus,
} from './article-policy.js';
import { permissionsOf, type Role } from './roles.js';
import { labelAbove, macRefusal, type SensitivityLabel } from './sensitivity-labels.js';

/** An article as the policy sees it, by names (what the playground knows). */
export interface ArticleAccessFacts {
  authorUsername: string;
  status: ArticleStatus;
  label: SensitivityLabel;
  sharedWith: readonly string[];
}

export interface ArticleCaller {
  username: string;
  role: Role;
  clearance: SensitivityLabel;
}

/** The model that refuses, in the order the API asks them. */
export type AccessModel = 'RBAC' | 'MAC' | 'DAC' | 'owner check';

export interface ArticleAccessAnswer {
  allowed: boolean;
  /** The status of a refusal: unreadable articles are answered as missing. */
  status?: 403 | 404;
  model?: AccessModel;
  why: string;
}

function covers(grant: ArticleGrant, caller: ArticleCaller, article: ArticleAccessFacts): boolean {
  if (grant.on === 'any') return true;
  if (grant.on === 'published') return article.status === 'published';
  if (grant.on === 'own') return article.authorUsername === caller.username;
  return article.sharedWith.includes(caller.username);
}

/**
 * What the API answers a person doing `action` to this article, model by model as it checks them:
 * RBAC (RolesGuard), then MAC and DAC on the loaded article (a 404: it is hidden), then the owner
 * check (a 403). The API decides with CASL abilities built from the same tables; a test holds
 * the two to the same answers.
 */
export function predictArticleAccess(
  caller: ArticleCaller,
  action: Exclude<ArticleAction, 'create'>,
  article: ArticleAccessFacts,
): ArticleAccessAnswer {
  const permission = permissionForAction(action);
  if (!permissionsOf(caller.role).includes(permission))
    return {
      allowed: false,
      status: 403,
      model: 'RBAC',
      why: `RBAC: role ${caller.role} lacks ${permission}`,
    };
  if (labelAbove(article.label, caller.clearance))
    return {
      allowed: false,
      status: 404,
      model: 'MAC',
      why: macRefusal(article.label, caller.clearance),
    };
  const grants = articleGrantsOf(caller.role);
  if (!grants.some((grant) => grant.permission === 'read' && covers(grant, caller, article)))
    return { allowed: false, status: 404, model: 'DAC', why: 'DAC: not shared with you' };
  if (
    action !== 'read' &&
    !grants.some((grant) => grant.permission === action && covers(grant, caller, article))
  )
    return {
      allowed: false,
      status: 403,
      model: 'owner check',
      why: 'owner check: not your article',
    };
  const scopes = grants
    .filter((grant) => grant.permission === action && covers(grant, caller, article))
    .map((grant) => grant.on);
  return { allowed: true, why: `${caller.role} may ${action} ${scopes[0] ?? 'any'} articles` };
}

/**
 * Which articles a role's grants for an action reach, when not all: "own", "published, own,
 * shared". Undefined when the role holds none or reaches every article.
 */
export function conditionOf(role: Role, action: ArticleAction): string | undefined {
  const scopes = articleGrantsOf(role)
    .filter((grant) => grant.permission === action)
    .map((grant) => grant.on);
  if (scopes.length === 0 || scopes.includes('any')) return undefined;
  return scopes.join(', ');
}
