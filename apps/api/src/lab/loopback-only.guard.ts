import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ApiException } from '../common/errors/api-exception.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/**
 * The lab's deliberately weak verifiers answer only this machine. The lab also refuses to start
 * unless the API listens on loopback; this guard holds even if something forwards traffic in.
 */
@Injectable()
export class LoopbackOnlyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const address = context.switchToHttp().getRequest<Request>().socket.remoteAddress ?? '';
    if (!LOOPBACK.has(address)) throw new ApiException(404, 'Not found.');
    return true;
  }
}
