import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';

/** @Roles(['editor', 'admin']): callers whose role is one of these may use the route. */
export const Roles = Reflector.createDecorator<string[]>();

/** @Public(): the route is open to callers without a token. */
export const Public = Reflector.createDecorator<true>({ transform: () => true });

/** The global authorization guard: runs on every route, after authentication set req.user. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(_context: ExecutionContext): boolean {
    // Not written yet: see exercises/06-roles-guard/README.md.
    return true;
  }
}
