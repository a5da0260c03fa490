import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { isRole, roleHasPermission } from '@authlab/shared';
import { ApiException } from '../../common/errors/api-exception.js';
import type { AuthenticatedUser } from '../authenticated-user.js';
import { insufficientScope } from '../bearer-challenge.js';
import { Public } from '../decorators/public.decorator.js';
import { RequirePermissions } from '../decorators/require-permissions.decorator.js';
import { Roles } from '../decorators/roles.decorator.js';

/**
 * The global authorization guard, run after JwtAuthGuard. A route passes only when it states
 * its rule with @Roles() or @RequirePermissions() and the caller's role meets it; a route that
 * states no rule is closed, so a forgotten decorator can never open it.
 */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride(Public, targets)) return true;

    const roles = this.reflector.getAllAndOverride(Roles, targets);
    const permissions = this.reflector.getAllAndOverride(RequirePermissions, targets);
    if (!roles && !permissions) {
      throw new ApiException(403, 'This route declares no access rule, so it is closed to everyone.');
    }

    const user = context.switchToHttp().getRequest<Request>().user as AuthenticatedUser | undefined;
    // Exact, known values only: a role claim like "Admin" or "constructor" matches nothing.
    const role = user?.role;
    if (!isRole(role)) throw new ApiException(403, 'Your token carries no known role.');

    if (roles && !roles.includes(role)) {
      throw insufficientScope(
        `This route is for the ${roles.join(' or ')} role; your role is ${role}.`,
        roles.join(' '),
      );
    }
    const missing = (permissions ?? []).filter((permission) => !roleHasPermission(role, permission));
    if (missing.length > 0) {
      throw insufficientScope(
        `Your role (${role}) lacks the "${missing.join('", "')}" permission this route requires.`,
        missing.join(' '),
      );
    }
    return true;
  }
}
