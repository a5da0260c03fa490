import { Controller, Get, Header, Inject, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  OAUTH_AUTHORIZE_PATH,
  OAUTH_REVOKE_PATH,
  OAUTH_TOKEN_PATH,
  PERMISSIONS,
  type AuthorizationServerMetadata,
} from '@authlab/shared';
import { Public } from '../../auth/decorators/public.decorator.js';
import { APP_CONFIG, type AppConfig } from '../../config/app-config.js';
import { issuerOf } from './issuer.js';

/**
 * RFC 8414 authorization server metadata. What it leaves out matters as much as what it lists:
 * no implicit grant and no password grant (RFC 9700 §2.1.2, §2.4), and S256 as the only PKCE
 * method (RFC 9700 §2.1.1).
 */
@ApiTags('oauth')
@Controller('.well-known')
export class AuthorizationServerMetadataController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Public()
  @Get('oauth-authorization-server')
  @Header('Cache-Control', 'public, max-age=300')
  @ApiOperation({ summary: 'OAuth 2.0 authorization server metadata (RFC 8414)' })
  metadata(@Req() request: Request): AuthorizationServerMetadata {
    const issuer = issuerOf(this.config, request);
    return {
      issuer,
      authorization_endpoint: `${issuer}${OAUTH_AUTHORIZE_PATH}`,
      token_endpoint: `${issuer}${OAUTH_TOKEN_PATH}`,
      revocation_endpoint: `${issuer}${OAUTH_REVOKE_PATH}`,
      jwks_uri: `${issuer}/.well-known/jwks.json`,
      scopes_supported: [...PERMISSIONS],
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code', 'refresh_token', 'client_credentials'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['client_secret_basic', 'none'],
      revocation_endpoint_auth_methods_supported: ['client_secret_basic', 'none'],
      authorization_response_iss_parameter_supported: true,
    };
  }
}
