import type { Request } from 'express';
import type { AppConfig } from '../../config/app-config.js';

/**
 * The authorization server's issuer identifier (RFC 8414 §2): its public origin when one is
 * configured, else the origin the request reached (the Host header was already checked against
 * the names this API answers to). Clients compare it with the `iss` of every authorization
 * response (RFC 9207), which is how a client tells two authorization servers apart (RFC 9700 §4.4).
 */
export function issuerOf(config: Pick<AppConfig, 'publicOrigin'>, request: Request): string {
  return config.publicOrigin ?? `${request.protocol}://${request.get('host') ?? 'localhost'}`;
}
