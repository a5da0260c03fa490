import { describe, expect, it } from 'vitest';
import { ROLES, isRole, permissionsOf, roleHasPermission } from './roles.js';

describe('the permission matrix', () => {
  it('grants each role exactly the permissions of the course RBAC matrix', () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, permissionsOf(role)]))).toEqual({
      user: ['read'],
      writer: ['read', 'create', 'update', 'delete'],
      editor: ['read', 'create', 'update'],
      admin: ['read', 'create', 'update', 'delete'],
    });
  });

  it.each([
    'constructor',
    '__proto__',
    'toString',
    'hasOwnProperty',
    'Admin',
    'admin ',
    '',
    'root',
  ])('treats %j as no role at all', (claim) => {
    expect(isRole(claim)).toBe(false);
    expect(permissionsOf(claim)).toEqual([]);
    expect(roleHasPermission(claim, 'read')).toBe(false);
  });

  it('ignores values that are not strings', () => {
    for (const claim of [null, undefined, 1, ['admin'], { role: 'admin' }]) {
      expect(permissionsOf(claim)).toEqual([]);
    }
  });

  it('cannot be changed at run time', () => {
    const adminPermissions = permissionsOf('admin') as string[];
    expect(() => adminPermissions.push('superpower')).toThrow(TypeError);
  });
});
