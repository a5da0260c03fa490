/**
 * Roles and the permissions each grants: role-based access control (RBAC, as in NIST's RBAC
 * model), taught in the course. Rights attach to roles, never to individual resources — that
 * would be an access-control list. The API enforces it and the playground draws it, both from
 * this one table.
 */
export const ROLES = ['user', 'writer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = ['read', 'create', 'update', 'delete'] as const;
export type Permission = (typeof PERMISSIONS)[number];

// A Map, not an object literal: a role claim such as "constructor" or "__proto__" must find
// nothing here instead of something inherited from Object.prototype.
const PERMISSIONS_BY_ROLE: ReadonlyMap<Role, readonly Permission[]> = new Map<
  Role,
  readonly Permission[]
>([
  ['user', Object.freeze(['read'] as const)],
  // A writer's update and delete reach only their own articles: article-policy.ts narrows them.
  ['writer', Object.freeze(['read', 'create', 'update', 'delete'] as const)],
  ['editor', Object.freeze(['read', 'create', 'update'] as const)],
  ['admin', Object.freeze(['read', 'create', 'update', 'delete'] as const)],
]);

/** The role given to every account created through sign-up. */
export const DEFAULT_ROLE: Role = 'user';

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

/** The permissions a role grants; an unknown role grants none. */
export function permissionsOf(role: unknown): readonly Permission[] {
  return isRole(role) ? (PERMISSIONS_BY_ROLE.get(role) ?? []) : [];
}

export function roleHasPermission(role: unknown, permission: Permission): boolean {
  return permissionsOf(role).includes(permission);
}
