import { Reflector } from '@nestjs/core';
import { describe, expect, it } from 'vitest';
import type { Permission } from '@authlab/shared';
import { RequirePermissions } from './require-permissions.decorator.js';

function defineHandlerWith(permissions: readonly string[]): () => void {
  return () => {
    class ArticlesController {
      @RequirePermissions(permissions as Permission[])
      remove() {}
    }
    return ArticlesController;
  };
}

describe('@RequirePermissions()', () => {
  it('records the listed permissions on the handler', () => {
    class ArticlesController {
      @RequirePermissions(['create', 'update'])
      upsert() {}
    }
    expect(new Reflector().get(RequirePermissions, ArticlesController.prototype.upsert)).toEqual([
      'create',
      'update',
    ]);
  });

  it.each([[['Delete']], [['write']], [['read', 'destroy']], [['__proto__']]])(
    'throws a TypeError when the class is defined with the unknown permissions %j',
    (permissions) => {
      expect(defineHandlerWith(permissions)).toThrow(
        new TypeError(
          `@RequirePermissions() needs known permissions; got ${JSON.stringify(permissions)}`,
        ),
      );
    },
  );

  it('throws a TypeError when the list is empty', () => {
    expect(defineHandlerWith([])).toThrow(TypeError);
  });
});
