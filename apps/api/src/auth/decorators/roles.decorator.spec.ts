import { Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import type { Role } from '@authlab/shared';
import { Roles } from './roles.decorator.js';

function defineHandlerWith(roles: readonly string[]): () => void {
  return () => {
    class ArticlesController {
      @Roles(roles as Role[])
      remove() {}
    }
    return ArticlesController;
  };
}

describe('@Roles()', () => {
  it('records the listed roles on the handler', () => {
    class ArticlesController {
      @Roles(['editor', 'admin'])
      update() {}
    }
    expect(new Reflector().get(Roles, ArticlesController.prototype.update)).toEqual([
      'editor',
      'admin',
    ]);
  });

  it.each([[['Admin']], [['constructor']], [['admin', 'superuser']], [['admin ']]])(
    'throws a TypeError when the class is defined with the unknown roles %j',
    (roles) => {
      expect(defineHandlerWith(roles)).toThrow(
        new TypeError(`@Roles() needs known roles; got ${JSON.stringify(roles)}`),
      );
    },
  );

  it('throws a TypeError when the list is empty', () => {
    expect(defineHandlerWith([])).toThrow(TypeError);
  });

  it('throws a TypeError when used on a class with an unknown role', () => {
    const unknownRoles: string[] = ['root'];
    expect(() => {
      @Roles(unknownRoles as Role[])
      class AdminController {}
      return AdminController;
    }).toThrow(TypeError);
  });
});
