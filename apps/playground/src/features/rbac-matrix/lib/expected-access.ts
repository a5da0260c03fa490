import {
  articleGrantsOf,
  conditionOf,
  DEFAULT_CLEARANCE,
  DEMO_CLEARANCES,
  DEMO_USERS,
  permissionsOf,
  predictArticleAccess,
  type ArticleAccessFacts,
  type Role,
  type RouteMetadata,
} from '@authlab/shared';
import type { HttpMethod } from '../../../lib/api-client';

/** The article the learner picked for the matrix's article cells. */
export interface PickedArticle extends ArticleAccessFacts {
  id: number;
}

/** A route that acts on one article the caller names by id: its answer depends on the article. */
export function actsOnOneArticle(route: RouteMetadata): boolean {
  return route.policy !== null && /^\/api\/articles\/:id(\/|$)/.test(route.path);
}

function demoUsernameOf(role: Role): string {
  return DEMO_USERS.find((user) => user.role === role)?.username ?? role;
}

/** "own only": which articles the role's grant reaches, when not all of them. */
export function cellCondition(route: RouteMetadata, role: Role | null): string | undefined {
  if (!role || !route.policy || route.policy.action === 'create') return undefined;
  if (
    !permissionsOf(role).includes(route.policy.action === 'share' ? 'update' : route.policy.action)
  )
    return undefined;
  const condition = conditionOf(role, route.policy.action);
  return condition && `${condition} only`;
}

export interface ExpectedAccess {
  allowed: boolean;
  /** The status a refusal answers with (404: an article the caller may not see). */
  status?: 401 | 403 | 404;
  why: string;
}

/** What the route's decorators say should happen to a caller with `role` (null: no token). */
export function expectedAccess(
  route: RouteMetadata,
  role: Role | null,
  article?: PickedArticle,
): ExpectedAccess {
  if (route.public) return { allowed: true, why: '@Public(): no token needed' };
  if (role === null) {
    return route.optionalAuth
      ? { allowed: true, why: '@OptionalAuth(): anonymous callers are served too' }
      : { allowed: false, status: 401, why: 'no token: JwtAuthGuard answers 401' };
  }
  if (!route.roles && !route.permissions && route.optionalAuth)
    return { allowed: true, why: '@OptionalAuth(): every caller is served' };
  if (!route.roles && !route.permissions)
    return {
      allowed: false,
      status: 403,
      why: 'no @Roles or @RequirePermissions: closed to everyone',
    };
  if (route.roles && !route.roles.includes(role))
    return { allowed: false, status: 403, why: `needs role ${route.roles.join(' or ')}` };
  const missing = (route.permissions ?? []).filter(
    (permission) => !permissionsOf(role).includes(permission),
  );
  if (missing.length > 0)
    return { allowed: false, status: 403, why: `${role} lacks ${missing.join(', ')}` };
  const policy = route.policy;
  if (policy && policy.action !== 'create' && article && actsOnOneArticle(route)) {
    const username = demoUsernameOf(role);
    const answer = predictArticleAccess(
      { username, role, clearance: DEMO_CLEARANCES[username] ?? DEFAULT_CLEARANCE },
      policy.action,
      article,
    );
    return answer.allowed
      ? { allowed: true, why: answer.why }
      : { allowed: false, status: answer.status ?? 403, why: answer.why };
  }
  if (policy && policy.action !== 'create' && !article) {
    const grants = articleGrantsOf(role).filter((grant) => grant.permission === policy.action);
    // Without a picked article the cell acts on article 1, someone else's.
    if (grants.length > 0 && grants.every((grant) => grant.on === 'own'))
      return {
        allowed: false,
        status: 403,
        why: `${role} may ${policy.action} its own articles only: the owner check refuses someone else's`,
      };
  }
  return {
    allowed: true,
    why: route.roles
      ? `role ${role} is listed`
      : `${role} has ${(route.permissions ?? []).join(', ')}`,
  };
}

/** The rule of a route in words: "public", "role admin", "permission delete", "no rule (closed)". */
export function ruleText(route: RouteMetadata): string {
  if (route.public) return 'public';
  const parts: string[] = [];
  if (route.optionalAuth) parts.push('token optional');
  if (route.roles) parts.push(`role ${route.roles.join(' | ')}`);
  if (route.permissions) parts.push(`permission ${route.permissions.join(' + ')}`);
  return parts.length > 0 ? parts.join('; ') : 'no rule (closed)';
}

export interface SampleRequest {
  method: HttpMethod;
  path: string;
  body?: unknown;
  /** The request needs a fresh article to act on (so a DELETE never eats the demo data). */
  needsScratchArticle?: boolean;
  /** The picked article the scratch one copies: same author, status, label and shares. */
  scratchOf?: PickedArticle;
}

/** Routes a matrix cell cannot send as one request (a stream never ends). */
export function isSendable(route: RouteMetadata): boolean {
  return !/stream/.test(route.path);
}

/** A request that exercises the route: parameters filled in, a body of the right shape. */
export function sampleRequest(
  route: RouteMetadata,
  role: Role | null,
  allowed: boolean,
  article?: PickedArticle,
): SampleRequest {
  const method = route.method.toUpperCase() as HttpMethod;
  const isArticle = /^\/api\/articles\/:[^/]+$/.test(route.path);
  const path = route.path
    .replace(/^\/api\/users\/:[^/]+/, '/api/users/4')
    .replace(/^\/api\/articles\/:id/, `/api/articles/${article?.id ?? 1}`)
    .replace(/\/shares\/:username$/, '/shares/user')
    .replace(/:[A-Za-z_]+/g, '1');
  const sample: SampleRequest = { method, path };
  if (isArticle && method === 'DELETE' && allowed) {
    sample.needsScratchArticle = true;
    if (article) sample.scratchOf = article;
  }

  if (method === 'POST' || method === 'PUT' || method === 'PATCH') {
    if (/\/users\/[^/]+\/role$/.test(path)) sample.body = { role: 'user' };
    else if (/\/users\/[^/]+\/clearance$/.test(path)) sample.body = { clearance: 'public' };
    else if (/\/shares$/.test(path)) sample.body = { username: 'user' };
    else if (path === '/api/auth/signin') {
      const user =
        DEMO_USERS.find((candidate) => candidate.role === role) ??
        DEMO_USERS.find((candidate) => candidate.role === 'user')!;
      sample.body = { username: user.username, password: user.password };
    } else if (path === '/api/auth/signup') {
      sample.body = {
        username: `matrix-${Math.random().toString(36).slice(2, 10)}`,
        password: 'matrix-password-1234',
      };
    } else if (path.startsWith('/api/articles')) {
      sample.body =
        method === 'PATCH'
          ? { title: 'Patched from the RBAC matrix' }
          : { title: 'From the RBAC matrix', body: `Sent as ${role ?? 'nobody'}.` };
    } else sample.body = {};
  }
  return sample;
}

/** Routes whose request does more than answer: it changes things for everyone using the API. */
const SIDE_EFFECTS: ReadonlyArray<{ method: string; path: RegExp; effect: string }> = [
  { method: 'POST', path: /^\/api\/auth\/signout$/, effect: 'ends a session' },
  {
    method: 'POST',
    path: /^\/api\/auth\/signout-all$/,
    effect: 'ends every session of the account, of every learner signed in as it',
  },
  {
    method: 'POST',
    path: /^\/api\/auth\/password$/,
    effect: 'changes the account’s password and ends all its sessions',
  },
  { method: 'POST', path: /^\/api\/demo\/reset$/, effect: 'resets the demo data for everyone' },
  { method: 'POST', path: /^\/api\/clock\//, effect: 'moves the simulated clock for everyone' },
  {
    method: 'PATCH',
    path: /^\/api\/users\/[^/]+\/role$/,
    effect: 'changes an account’s role and retires its tokens',
  },
  {
    method: 'PATCH',
    path: /^\/api\/users\/[^/]+\/clearance$/,
    effect: 'changes an account’s clearance',
  },
  {
    method: 'POST',
    path: /^\/api\/articles\/[^/]+\/shares$/,
    effect: 'shares an article with the user account',
  },
  {
    method: 'DELETE',
    path: /^\/api\/articles\/[^/]+\/shares\//,
    effect: 'takes back the user account’s share of an article',
  },
  { method: 'POST', path: /^\/api\/auth\/signup$/, effect: 'creates an account' },
  { method: 'POST', path: /^\/api\/clients$/, effect: 'registers a machine client' },
  { method: 'DELETE', path: /^\/api\/clients\//, effect: 'deletes a machine client' },
];

/** Account-wide actions the API refuses for the shared demo accounts in demo mode. */
export function refusedForDemoAccounts(route: RouteMetadata): boolean {
  return /^\/api\/auth\/(signout-all|password)$/.test(route.path);
}

/** What sending this route's request would change for everyone, or undefined when it only answers. */
export function sideEffectOf(route: RouteMetadata): string | undefined {
  const method = route.method.toUpperCase();
  return SIDE_EFFECTS.find((rule) => rule.method === method && rule.path.test(route.path))?.effect;
}

/**
 * A cell "Send every cell" leaves alone: the rule lets the caller through and the request would
 * change things for everyone (end sessions, reset data, move the clock, create accounts). Cells
 * the rule refuses are still sent: a refusal changes nothing, and it shows the guard at work.
 */
export function needsConfirmation(route: RouteMetadata, role: Role | null): string | undefined {
  const effect = sideEffectOf(route);
  return effect && expectedAccess(route, role).allowed ? effect : undefined;
}
