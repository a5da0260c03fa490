import { Reflector } from '@nestjs/core';
import { isRole, type Role } from '@authlab/shared';

/**
 * Lets in callers whose role is one of those listed: `@Roles(['admin'])`. A typo in a role name fails at start-up,
 * not silently at request time.
 */
export const Roles = Reflector.createDecorator<Role[], Role[]>({
  transform: (roles) => {
    const unknown = roles.filter((role) => !isRole(role));
    if (roles.length === 0 || unknown.length > 0) {
      throw new TypeError(`@Roles() needs known roles; got ${JSON.stringify(roles)}`);
    }
    return roles;
  },
});
