import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ApiException } from '../../common/errors/api-exception.js';
import { currentTrace } from '../../trace/trace-context.js';
import type { Principal } from '../authentication/authenticated-user.js';
import { CheckPolicies } from '../decorators/check-policies.decorator.js';
import { defineAbilityFor } from './article-ability.js';

/**
 * The NestJS docs' PoliciesGuard, run after RolesGuard: may this caller do the action to some
 * articles at all? Which article is decided where it is loaded (ArticlesService), since only
 * the row knows its author and status.
 */
@Injectable()
export class PoliciesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const check = this.reflector.getAllAndOverride(CheckPolicies, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!check) return true;
    const end = currentTrace()?.begin('PoliciesGuard', 'guard');
    const principal = context.switchToHttp().getRequest<Request>().user as Principal;
    const ability = defineAbilityFor(principal);
    // Grants only: the MAC rules refuse labels, never the action as a whole.
    const rules = ability.rulesFor(check.action, check.subject).filter((rule) => !rule.inverted);
    if (rules.length === 0) {
      const error = new ApiException(
        403,
        `No rule lets you ${check.action} any ${check.subject.toLowerCase()}.`,
      );
      end?.({ outcome: 'deny', reason: `${error.message} (403)` });
      throw error;
    }
    end?.({
      outcome: 'pass',
      reason: () =>
        rules.some((rule) => !rule.conditions)
          ? `CASL: you may ${check.action} every ${check.subject.toLowerCase()}.`
          : `CASL: you may ${check.action} some ${check.subject.toLowerCase()}s; the one you ask for is checked when it is loaded.`,
      detail: () => ({
        action: check.action,
        subject: check.subject,
        conditions: rules.map((rule) => JSON.stringify(rule.conditions ?? 'any')),
      }),
    });
    return true;
  }
}
