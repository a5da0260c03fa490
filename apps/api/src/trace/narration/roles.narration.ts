import { HttpException, Injectable, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { permissionsOf, type Permission, type Role } from '@authlab/shared';
import type { Principal } from '../../auth/authentication/authenticated-user.js';
import { InsufficientScopeException } from '../../auth/authentication/bearer-challenge.js';
import { Public } from '../../auth/decorators/public.decorator.js';
import { RequirePermissions } from '../../auth/decorators/require-permissions.decorator.js';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import type { StepResult } from '../trace-recorder.js';
import type { GuardNarration } from '../traced-guard.js';

interface RouteRule {
  roles: Role[] | undefined;
  permissions: Permission[] | undefined;
}

/** RolesGuard's decisions in words: the rule the route states and what the caller holds. */
@Injectable()
export class RolesNarration implements GuardNarration {
  constructor(private readonly reflector: Reflector) {}

  passed(context: ExecutionContext): StepResult {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride(Public, targets)) {
      return { outcome: 'pass', reason: 'The route is @Public(): no role is needed.' };
    }
    const rule = this.rule(context);
    if (!rule.roles && !rule.permissions) {
      return { outcome: 'pass', reason: 'The route is @OptionalAuth(): it serves every caller.' };
    }
    const principal = this.principal(context);
    const required = (rule.permissions ?? []).join(', ');
    if (principal?.kind === 'client') {
      return {
        outcome: 'pass',
        reason: `The client's scope grants ${required}, which the route requires.`,
        detail: this.detail(principal, rule),
      };
    }
    const role = principal?.role;
    const { roles } = rule;
    return {
      outcome: 'pass',
      reason: () =>
        roles
          ? `Role ${role} is one of the roles the route allows (${roles.join(', ')}).`
          : `Role ${role} grants ${required}, which the route requires.`,
      detail: () => this.detail(principal, rule),
    };
  }

  refused(error: unknown, context: ExecutionContext): StepResult {
    // The trace names the access-control model that decided (RBAC here; MAC, DAC and the owner
    // check come later, on the article).
    const reason =
      error instanceof HttpException
        ? `RBAC: ${error.message} (${error.getStatus()})`
        : String(error);
    if (!(error instanceof InsufficientScopeException)) return { outcome: 'deny', reason };
    const principal = this.principal(context);
    const rule = this.rule(context);
    return {
      outcome: 'deny',
      reason,
      detail:
        principal?.kind === 'client'
          ? this.detail(principal, rule)
          : () => this.detail(principal, rule),
    };
  }

  private rule(context: ExecutionContext): RouteRule {
    const targets = [context.getHandler(), context.getClass()];
    return {
      roles: this.reflector.getAllAndOverride(Roles, targets),
      permissions: this.reflector.getAllAndOverride(RequirePermissions, targets),
    };
  }

  private principal(context: ExecutionContext): Principal | undefined {
    return context.switchToHttp().getRequest<Request>().user as Principal | undefined;
  }

  /** The caller's holdings beside the route's demands. */
  private detail(principal: Principal | undefined, { roles, permissions }: RouteRule) {
    const demands = {
      ...(roles ? { requiredRoles: roles } : {}),
      ...(permissions ? { requiredPermissions: permissions } : {}),
    };
    if (principal?.kind === 'client') {
      return { client: principal.clientId, held: [...principal.permissions], ...demands };
    }
    const role = principal?.role as Role;
    return {
      role,
      held: [...(principal?.permissions ?? permissionsOf(role))],
      ...(principal?.delegatedTo !== undefined && { application: principal.delegatedTo }),
      ...demands,
    };
  }
}
