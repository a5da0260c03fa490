import type { Request } from 'express';

/**
 * The address sign-in throttling counts per network. Express's `request.ip` is the peer's
 * address; behind a reverse proxy every request would share the proxy's, so such a deployment
 * must set Express's "trust proxy" to its proxy (not done here: authlab listens directly).
 */
export function clientIp(request: Request): string {
  return request.ip ?? request.socket.remoteAddress ?? 'unknown';
}
