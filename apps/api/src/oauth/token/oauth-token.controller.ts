import { Controller, Header, HttpCode, Post, Req, UseFilters } from '@nestjs/common';
import { ApiBasicAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { ClientTokenResponse, DelegatedTokenResponse } from '@authlab/shared';
import { Public } from '../../auth/decorators/public.decorator.js';
import {
  authorizationLines,
  ONE_AUTHORIZATION_HEADER,
} from '../../auth/authentication/repeated-credentials.js';
import { AccessTokenService } from '../../auth/tokens/access-token.service.js';
import { ClientsService } from '../../clients/clients.service.js';
import { clientTokenAuthSession } from '../../trace/playground-session-claims.js';
import { currentTrace } from '../../trace/trace-context.js';
import { AuthorizationCodesService } from '../codes/authorization-codes.service.js';
import type { DelegatedTokens } from './delegated-tokens.js';
import { OAuthClientAuthentication } from './oauth-client-authentication.js';
import { invalidClient, OAuthError } from './oauth-error.js';
import { OAuthErrorFilter } from './oauth-error.filter.js';
import { RefreshTokenGrantService } from './refresh-token-grant.service.js';
import {
  clientCredentialsFrom,
  grantedScope,
  readForm,
  readTokenRequest,
} from './token-request.js';

/** Grants that an application acting for a user uses; every other grant_type is a machine client's. */
const DELEGATED_GRANTS: ReadonlySet<string> = new Set(['authorization_code', 'refresh_token']);

function delegatedResponse({ access, session, scope }: DelegatedTokens): DelegatedTokenResponse {
  currentTrace()?.startedAuthSession(session.sessionId);
  return {
    access_token: access.accessToken,
    token_type: 'Bearer',
    expires_in: access.expiresIn,
    refresh_token: session.refreshToken,
    scope: scope.join(' '),
  };
}

/**
 * The OAuth 2.0 token endpoint: the authorization code grant with PKCE and the refresh token
 * grant for applications acting for users (RFC 6749 §4.1.3, §6), and the client-credentials
 * grant for machine clients (§4.4). Public, because the client authenticates here — not a user.
 */
@ApiTags('oauth')
@Controller('oauth')
@UseFilters(OAuthErrorFilter)
export class OAuthTokenController {
  constructor(
    private readonly clients: ClientsService,
    private readonly tokens: AccessTokenService,
    private readonly applications: OAuthClientAuthentication,
    private readonly codes: AuthorizationCodesService,
    private readonly refreshGrant: RefreshTokenGrantService,
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
        grant_type: {
          type: 'string',
          enum: ['authorization_code', 'refresh_token', 'client_credentials'],
        },
        code: { type: 'string' },
        redirect_uri: { type: 'string' },
        code_verifier: { type: 'string' },
        client_id: { type: 'string', description: 'Public clients only' },
        refresh_token: { type: 'string' },
        scope: { type: 'string', example: 'read' },
      },
    },
  })
  @ApiOperation({
    summary:
      'Token endpoint: authorization code + PKCE, refresh token (applications acting for users), client credentials (machine clients)',
  })
  async token(@Req() request: Request): Promise<ClientTokenResponse | DelegatedTokenResponse> {
    const isForm = request.is('application/x-www-form-urlencoded') !== false;
    const read = readForm(isForm, request.body);
    const grantType = read('grant_type');
    if (grantType !== undefined && DELEGATED_GRANTS.has(grantType)) {
      const client = await this.applications.authenticate(request, read);
      if (grantType === 'authorization_code') {
        return delegatedResponse(
          await this.codes.exchange({
            clientId: client.clientId,
            code: read('code'),
            redirectUri: read('redirect_uri'),
            codeVerifier: read('code_verifier'),
          }),
        );
      }
      return delegatedResponse(
        await this.refreshGrant.refresh(client.clientId, read('refresh_token'), read('scope')),
      );
    }
    return this.clientCredentials(request, isForm);
  }

  private async clientCredentials(request: Request, isForm: boolean): Promise<ClientTokenResponse> {
    const form = readTokenRequest(isForm, request.body);
    if (authorizationLines(request) > 1)
      throw new OAuthError(400, 'invalid_request', `${ONE_AUTHORIZATION_HEADER}.`);
    const { clientId, secret } = clientCredentialsFrom(request.headers.authorization);
    const client = await this.clients.authenticate(clientId, secret);
    if (!client) throw invalidClient('The client is unknown, revoked, or its secret is wrong.');
    if (form.grantType !== 'client_credentials') {
      throw new OAuthError(
        400,
        'unsupported_grant_type',
        'This endpoint issues tokens for the authorization_code, refresh_token and client_credentials grants only.',
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
