import { Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AllowedHosts } from '../../../common/http/allowed-hosts.js';
import { APP_CONFIG, type AppConfig } from '../../../config/app-config.js';

/**
 * The browser origins whose pages may send state-changing requests with the session cookies:
 * this API's own — PUBLIC_ORIGIN when configured (behind a proxy), otherwise an allowed host
 * name (loopback, ALLOWED_HOSTS) at the port the server listens on — and the CORS origins.
 * Never one built from the request's Host header: a DNS-rebinding page chooses that name.
 */
@Injectable()
export class TrustedOrigins {
  private readonly hosts: AllowedHosts;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.hosts = new AllowedHosts(config.allowedHosts, config.publicOrigin);
  }

  includes(origin: string, request: Pick<Request, 'protocol' | 'socket'>): boolean {
    if (this.config.corsOrigins.includes(origin)) return true;
    if (this.config.publicOrigin !== undefined) return origin === this.config.publicOrigin;
    return this.hosts.isOwnOrigin(origin, request.protocol, request.socket.localPort);
  }
}
