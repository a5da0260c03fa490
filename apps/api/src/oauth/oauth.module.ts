import { Module } from '@nestjs/common';
import { SessionsModule } from '../auth/sessions/sessions.module.js';
import { ClientsModule } from '../clients/clients.module.js';
import { UsersModule } from '../users/users.module.js';
import { AuthorizationLogin } from './authorize/authorization-login.js';
import { AuthorizeController } from './authorize/authorize.controller.js';
import { ConsentFormToken } from './authorize/consent-form-token.js';
import { OAuthClientsController } from './clients/oauth-clients.controller.js';
import { OAuthClientsRepository } from './clients/oauth-clients.repository.js';
import { OAuthClientsService } from './clients/oauth-clients.service.js';
import { AuthorizationCodesRepository } from './codes/authorization-codes.repository.js';
import { AuthorizationCodesService } from './codes/authorization-codes.service.js';
import { GrantsController } from './grants/grants.controller.js';
import { GrantsRepository } from './grants/grants.repository.js';
import { GrantsService } from './grants/grants.service.js';
import { AuthorizationServerMetadataController } from './metadata/authorization-server-metadata.controller.js';
import { TokenRevocationController } from './revocation/token-revocation.controller.js';
import { OAuthClientAuthentication } from './token/oauth-client-authentication.js';
import { OAuthTokenController } from './token/oauth-token.controller.js';
import { RefreshTokenGrantService } from './token/refresh-token-grant.service.js';

/**
 * authlab as an OAuth 2.0 authorization server: applications registered by admins, the
 * authorization endpoint with its sign-in and consent pages, the token endpoint (authorization
 * code + PKCE, refresh, and machine clients' client credentials), revocation, metadata, and the
 * grants each user can see and take back.
 */
@Module({
  imports: [ClientsModule, SessionsModule, UsersModule],
  controllers: [
    AuthorizationServerMetadataController,
    AuthorizeController,
    OAuthTokenController,
    TokenRevocationController,
    OAuthClientsController,
    GrantsController,
  ],
  providers: [
    OAuthClientsRepository,
    OAuthClientsService,
    AuthorizationCodesRepository,
    AuthorizationCodesService,
    RefreshTokenGrantService,
    OAuthClientAuthentication,
    GrantsRepository,
    GrantsService,
    AuthorizationLogin,
    ConsentFormToken,
  ],
})
export class OAuthModule {}
