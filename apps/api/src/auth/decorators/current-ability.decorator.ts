import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { Principal } from '../authentication/authenticated-user.js';
import { defineAbilityFor, type AppAbility } from '../policies/article-ability.js';

/** The caller's CASL ability, for the object-level checks a service makes on what it loads. */
export const CurrentAbility = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AppAbility =>
    defineAbilityFor(context.switchToHttp().getRequest<Request>().user as Principal),
);
