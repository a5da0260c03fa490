import { Controller, Header, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import { clientTokenAuthSession } from '../../trace/playground-session-claims.js';
import { currentTrace } from '../../trace/trace-context.js';
import { ApiBasicAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { ClientTokenResponse } from '@authlab/shared';
import { Public } from '../../auth/decorators/public.decorator.js';
import {
  authorizationLines,
  ONE_AUTHORIZATION_HEADER,
} from '../../auth/authentication/repeated-credentials.js';
import { AccessTokenService } from '../../auth/tokens/access-token.service.js';
import { ClientsService } from '../clients.service.js';
import { invalidClient, OAuthError } from './oauth-error.js';
import { OAuthErrorFilter } from './oauth-error.filter.js';
import { clientCredentialsFrom, grantedScope, readTokenRequest } from './token-request.js';

/**
 * The OAuth 2.0 token endpoint for machine clients: the client-credentials grant (RFC 6749
 * §4.4). Public, because the client authenticates here — with its id and secret, not a token.
 */
@ApiTags('oauth')
@Controller('oauth')
@UseFilters(OAuthErrorFilter)
export class OAuthTokenController {
  constructor(
    private readonly clients: ClientsService,
    private readonly tokens: AccessTokenService,
  ) {}

  @Public()
  @Post('token')
  @HttpCode(200)
  @Header('Pragma', 'no-cache')
  @ApiBasicAuth()
  @ApiConsumes('application/x-www-form-urlencoded')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['grant_type'],
      properties: {
        grant_type: { type: 'string', enum: ['client_credentials'] },
        scope: { type: 'string', example: 'read' },
      },
    },
  })
  @ApiOperation({
    summary: 'Client credentials grant: a short-lived access token limited to the client’s scope',
  })
  async token(@Req() request: Request): Promise<ClientTokenResponse> {
    const form = readTokenRequest(
      request.is('application/x-www-form-urlencoded') !== false,
      request.body,
    );
    if (authorizationLines(request) > 1)
      throw new OAuthError(400, 'invalid_request', `${ONE_AUTHORIZATION_HEADER}.`);
    const { clientId, secret } = clientCredentialsFrom(request.headers.authorization);
    const client = await this.clients.authenticate(clientId, secret);
    if (!client) throw invalidClient('The client is unknown, revoked, or its secret is wrong.');
    if (form.grantType !== 'client_credentials') {
      throw new OAuthError(
        400,
        'unsupported_grant_type',
        'This endpoint issues tokens for the client_credentials grant only.',
      );
    }
    const scope = grantedScope(form.scope, client.scope);
    const issued = this.tokens.issueForClient({
      id: client.clientId,
      scope,
      tokenVersion: client.tokenVersion,
    });
    currentTrace()?.startedAuthSession(clientTokenAuthSession(issued.jti));
    return {
      access_token: issued.accessToken,
      token_type: 'Bearer',
      expires_in: issued.expiresIn,
      scope: scope.join(' '),
    };
  }
}
