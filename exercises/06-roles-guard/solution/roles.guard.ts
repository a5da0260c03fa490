import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';

export const Roles = Reflector.createDecorator<string[]>();

export const Public = Reflector.createDecorator<true>({ transform: () => true });

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    // The handler's decorator overrides the class's: a @Public() or @Roles() on a method wins.
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride(Public, targets)) return true;
    const user = context.switchToHttp().getRequest<Request & { user?: { role?: unknown } }>().user;
    // RFC 9110 §15.5.2: who are you? — before §15.5.4: you may not.
    if (!user) throw new UnauthorizedException();
    const roles = this.reflector.getAllAndOverride(Roles, targets) ?? [];
    // OWASP Authorization Cheat Sheet: deny by default; a route that names no role is closed.
    // Array.includes compares whole strings: "adm" is not "admin".
    if (typeof user.role !== 'string' || !roles.includes(user.role)) throw new ForbiddenException();
    return true;
  }
}
