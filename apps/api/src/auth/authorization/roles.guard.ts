import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { isRole } from '@authlab/shared';
import { ApiException } from '../../common/errors/api-exception.js';
import type { Principal } from '../authentication/authenticated-user.js';
import { insufficientScope } from '../authentication/bearer-challenge.js';
import { OptionalAuth } from '../decorators/optional-auth.decorator.js';
import { Public } from '../decorators/public.decorator.js';
import { RequirePermissions } from '../decorators/require-permissions.decorator.js';
import { Roles } from '../decorators/roles.decorator.js';

/**
 * The global authorization guard, run after JwtAuthGuard. A route passes only when it states
 * its rule with @Roles() or @RequirePermissions() and the caller's role meets it; a route that
 * states no rule is closed, so a forgotten decorator can never open it. A refusal is a 403
 * with an RFC 6750 insufficient_scope challenge naming what was missing.
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
      if (this.reflector.getAllAndOverride(OptionalAuth, targets)) return true;
      throw new ApiException(
        403,
        'This route declares no access rule, so it is closed to everyone.',
      );
    }

    const principal = context.switchToHttp().getRequest<Request>().user as Principal | undefined;
    // A machine client has no role: @Roles() routes stay closed to it, and it holds only its token's scope.
    if (principal?.kind === 'client') {
      if (roles) {
        const message = `This route is for the ${roles.join(' or ')} role; a machine client has no role.`;
        throw insufficientScope(message, roles.join(' '));
      }
      const lacking = (permissions ?? []).filter(
        (wanted) => !principal.permissions.includes(wanted),
      );
      if (lacking.length === 0) return true;
      const message = `The client's scope lacks the "${lacking.join('", "')}" permission this route requires.`;
      throw insufficientScope(message, lacking.join(' '));
    }
    // Exact, known values only: a role claim like "Admin" or "constructor" matches nothing.
    const role = principal?.role;
    if (!principal || !isRole(role))
      throw new ApiException(403, 'Your token carries no known role.');
    const delegated = principal.delegatedTo !== undefined;
    // An application acting for a user holds its granted scope, never the user's role (RFC 9700 §2.3).
    if (roles && (delegated || !roles.includes(role))) {
      const held = delegated
        ? 'an application acting for you holds only the scope you granted it'
        : `your role is ${role}`;
      throw insufficientScope(
        `This route is for the ${roles.join(' or ')} role; ${held}.`,
        roles.join(' '),
      );
    }
    const missing = (permissions ?? []).filter((wanted) => !principal.permissions.includes(wanted));
    if (missing.length === 0) return true;
    const lacks = `lacks the "${missing.join('", "')}" permission this route requires.`;
    const holder = delegated ? 'The scope you granted this application' : `Your role (${role})`;
    throw insufficientScope(`${holder} ${lacks}`, missing.join(' '));
  }
}
