import { Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { CLIENT_ID_PATTERN } from '@authlab/shared';
import {
  authorizationLines,
  ONE_AUTHORIZATION_HEADER,
} from '../../auth/authentication/repeated-credentials.js';
import { ClientsService } from '../../clients/clients.service.js';
import type { OAuthClientRecord } from '../clients/oauth-clients.repository.js';
import { OAuthClientsService } from '../clients/oauth-clients.service.js';
import { invalidClient, OAuthError } from './oauth-error.js';
import { clientCredentialsFrom } from './token-request.js';

/**
 * Who is calling the token or revocation endpoint on behalf of users: a confidential client
 * proves itself with HTTP Basic (client_secret_basic); a public client only names itself with
 * client_id (`none`) — which is why PKCE, not a secret, is what protects its codes (RFC 7636).
 */
@Injectable()
export class OAuthClientAuthentication {
  constructor(
    private readonly clients: OAuthClientsService,
    private readonly machineClients: ClientsService,
  ) {}

  async authenticate(
    request: Request,
    read: (name: string) => string | undefined,
  ): Promise<OAuthClientRecord> {
    if (authorizationLines(request) > 1)
      throw new OAuthError(400, 'invalid_request', `${ONE_AUTHORIZATION_HEADER}.`);
    if (read('client_secret') !== undefined)
      throw new OAuthError(
        400,
        'invalid_request',
        'Send a client secret in the Authorization header (HTTP Basic), never in the body.',
      );
    const named = read('client_id');
    if (request.headers.authorization !== undefined) {
      const { clientId, secret } = clientCredentialsFrom(request.headers.authorization);
      if (
        CLIENT_ID_PATTERN.test(clientId) &&
        (await this.machineClients.authenticate(clientId, secret))
      )
        throw new OAuthError(
          400,
          'unauthorized_client',
          'A machine client acts for itself: it may use the client_credentials grant only.',
        );
      const client = await this.clients.authenticate(clientId, secret);
      if (!client) throw invalidClient('The client is unknown, revoked, or its secret is wrong.');
      if (named !== undefined && named !== client.clientId)
        throw new OAuthError(
          400,
          'invalid_request',
          'client_id names another client than the Authorization header.',
        );
      return client;
    }
    const client = named === undefined ? undefined : await this.clients.active(named);
    if (!client) throw invalidClient('Name a registered, active client with client_id.');
    if (client.type === 'confidential')
      throw invalidClient('This client is confidential: authenticate it with HTTP Basic.');
    return client;
  }
}
