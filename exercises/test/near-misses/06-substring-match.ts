import {
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';

// Near miss: deny by default, but roles compared as substrings of a joined list.
export const Roles = Reflector.createDecorator<string[]>();
export const Public = Reflector.createDecorator<true>({ transform: () => true });

@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride(Public, targets)) return true;
    const user = context.switchToHttp().getRequest<{ user?: { role: string } }>().user;
    if (!user) throw new UnauthorizedException();
    const roles = this.reflector.getAllAndOverride(Roles, targets) ?? [];
    if (roles.length === 0 || !roles.join(',').includes(user.role)) throw new ForbiddenException();
    return true;
  }
}
