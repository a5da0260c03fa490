import { Reflector } from '@nestjs/core';
import { isPermission, type Permission } from '@authlab/shared';

/** Lets in callers whose role grants every permission listed, `@RequirePermissions(['delete'])` (see the matrix in @authlab/shared). */
export const RequirePermissions = Reflector.createDecorator<Permission[], Permission[]>({
  transform: (permissions) => {
    const unknown = permissions.filter((permission) => !isPermission(permission));
    if (permissions.length === 0 || unknown.length > 0) {
      throw new TypeError(
        `@RequirePermissions() needs known permissions; got ${JSON.stringify(permissions)}`,
      );
    }
    return permissions;
  },
});
