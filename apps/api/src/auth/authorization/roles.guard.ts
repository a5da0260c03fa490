import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { isRole } from '@authlab/shared';
import { ApiException } from '../../common/errors/api-exception.js';
import { currentTrace } from '../../trace/trace-context.js';
import type { Lazy } from '../../trace/trace-recorder.js';
import type { Principal } from '../authentication/authenticated-user.js';
import { insufficientScope } from '../authentication/bearer-challenge.js';
import { OptionalAuth } from '../decorators/optional-auth.decorator.js';
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
    const end = currentTrace()?.begin('RolesGuard', 'guard');
    const deny = (error: ApiException, detail?: Lazy<Record<string, string | string[]>>) => {
      end?.({
        outcome: 'deny',
        // The trace names the access-control model that decided (RBAC here; MAC, DAC and the
        // owner check come later, on the article).
        reason: `RBAC: ${error.message} (${error.getStatus()})`,
        ...(detail ? { detail } : {}),
      });
      return error;
    };

    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride(Public, targets)) {
      end?.({ outcome: 'pass', reason: 'The route is @Public(): no role is needed.' });
      return true;
    }
    const roles = this.reflector.getAllAndOverride(Roles, targets);
    const permissions = this.reflector.getAllAndOverride(RequirePermissions, targets);
    if (!roles && !permissions) {
      if (this.reflector.getAllAndOverride(OptionalAuth, targets)) {
        end?.({ outcome: 'pass', reason: 'The route is @OptionalAuth(): it serves every caller.' });
        return true;
      }
      throw deny(
        new ApiException(403, 'This route declares no access rule, so it is closed to everyone.'),
      );
    }

    const principal = context.switchToHttp().getRequest<Request>().user as Principal | undefined;
    // A machine client has no role: @Roles() routes stay closed to it, and it holds only its token's scope.
    if (principal?.kind === 'client') {
      const clientDetail = {
        client: principal.clientId,
        held: [...principal.permissions],
        ...(roles ? { requiredRoles: roles } : {}),
        ...(permissions ? { requiredPermissions: permissions } : {}),
      };
      if (roles) {
        throw deny(
          insufficientScope(
            `This route is for the ${roles.join(' or ')} role; a machine client has no role.`,
            roles.join(' '),
          ),
          clientDetail,
        );
      }
      const lacking = (permissions ?? []).filter(
        (permission) => !principal.permissions.includes(permission),
      );
      if (lacking.length > 0) {
        throw deny(
          insufficientScope(
            `The client's scope lacks the "${lacking.join('", "')}" permission this route requires.`,
            lacking.join(' '),
          ),
          clientDetail,
        );
      }
      end?.({
        outcome: 'pass',
        reason: `The client's scope grants ${permissions.join(', ')}, which the route requires.`,
        detail: clientDetail,
      });
      return true;
    }
    const user = principal;
    // Exact, known values only: a role claim like "Admin" or "constructor" matches nothing.
    const role = user?.role;
    if (!user || !isRole(role))
      throw deny(new ApiException(403, 'Your token carries no known role.'));
    // For the trace, built only if somebody reads it.
    const detail = () => ({
      role,
      held: [...user.permissions],
      ...(user.delegatedTo !== undefined && { application: user.delegatedTo }),
      ...(roles ? { requiredRoles: roles } : {}),
      ...(permissions ? { requiredPermissions: permissions } : {}),
    });

    // An application acting for a user holds its granted scope, never the user's role (RFC 9700 §2.3).
    if (roles && user.delegatedTo !== undefined) {
      throw deny(
        insufficientScope(
          `This route is for the ${roles.join(' or ')} role; an application acting for you holds only the scope you granted it.`,
          roles.join(' '),
        ),
        detail,
      );
    }
    if (roles && !roles.includes(role)) {
      throw deny(
        insufficientScope(
          `This route is for the ${roles.join(' or ')} role; your role is ${role}.`,
          roles.join(' '),
        ),
        detail,
      );
    }
    const missing = (permissions ?? []).filter(
      (permission) => !user.permissions.includes(permission),
    );
    if (missing.length > 0) {
      throw deny(
        insufficientScope(
          user.delegatedTo !== undefined
            ? `The scope you granted this application lacks the "${missing.join('", "')}" permission this route requires.`
            : `Your role (${role}) lacks the "${missing.join('", "')}" permission this route requires.`,
          missing.join(' '),
        ),
        detail,
      );
    }
    end?.({
      outcome: 'pass',
      reason: () =>
        roles
          ? `Role ${role} is one of the roles the route allows (${roles.join(', ')}).`
          : `Role ${role} grants ${permissions.join(', ')}, which the route requires.`,
      detail,
    });
    return true;
  }
}
