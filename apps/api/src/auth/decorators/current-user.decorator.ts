import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ApiException } from '../../common/errors/api-exception.js';
import type { AuthenticatedUser, Principal } from '../authentication/authenticated-user.js';

/**
 * The signed-in user proven by the JWT guard. Only meaningful on routes that are not @Public().
 * A handler that asks for it acts as a person (writes under their name, shows their profile),
 * so a machine client is refused there even when its scope has the permission.
 */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser => {
    const principal = context.switchToHttp().getRequest<Request>().user as Principal | undefined;
    if (principal?.kind === 'client') {
      throw new ApiException(
        403,
        'This operation acts as a signed-in user; a machine client cannot perform it.',
      );
    }
    return principal as AuthenticatedUser;
  },
);
