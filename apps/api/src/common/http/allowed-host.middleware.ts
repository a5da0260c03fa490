import type { RequestHandler } from 'express';
import { ApiException } from '../errors/api-exception.js';
import type { AllowedHosts } from './allowed-hosts.js';

/**
 * Refuses a request whose Host names a host this API does not answer to: 421 Misdirected
 * Request (RFC 9110 §7.4, §15.5.20), in the API's one error shape. A request without Host
 * (HTTP/1.0) passes: no browser sends one, so it cannot be a rebinding page.
 */
export function allowedHostMiddleware(hosts: AllowedHosts): RequestHandler {
  return (request, _response, next) => {
    const host = request.headers.host;
    if (host === undefined || hosts.allows(host)) return next();
    next(
      new ApiException(
        421,
        'This server does not answer to that host name. Reach it at its own address (a DNS-rebinding page cannot).',
      ),
    );
  };
}
