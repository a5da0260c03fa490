import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  oauthClientIdSchema,
  registerOAuthClientSchema,
  type OAuthClientView,
  type RegisteredOAuthClient,
  type RegisterOAuthClientRequest,
} from '@authlab/shared';
import type { AuthenticatedUser } from '../../auth/authentication/authenticated-user.js';
import { CurrentUser } from '../../auth/decorators/current-user.decorator.js';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { validBody, validParam } from '../../common/pipes/zod-validation.pipe.js';
import { openApiSchema } from '../../openapi/openapi-schema.js';
import { OAuthClientsService } from './oauth-clients.service.js';

/** Admins register the applications that may ask users to let them act on their behalf. */
@ApiTags('oauth')
@ApiBearerAuth()
@Roles(['admin'])
@Controller('oauth/clients')
export class OAuthClientsController {
  constructor(private readonly clients: OAuthClientsService) {}

  @Post()
  @ApiOperation({
    summary:
      'Register an application that acts for users (authorization code + PKCE); a confidential one’s secret is shown in this answer only (admins only)',
  })
  @ApiBody({ schema: openApiSchema(registerOAuthClientSchema) })
  register(
    @CurrentUser() admin: AuthenticatedUser,
    @Body(validBody(registerOAuthClientSchema)) body: RegisterOAuthClientRequest,
  ): Promise<RegisteredOAuthClient> {
    return this.clients.register(admin.id, body);
  }

  @Get()
  @ApiOperation({
    summary: 'List the applications that act for users, without secrets (admins only)',
  })
  list(): Promise<OAuthClientView[]> {
    return this.clients.list();
  }

  @Delete(':clientId')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Revoke an application: no new authorizations, and every token it holds stops working (admins only)',
  })
  revoke(
    @Param('clientId', validParam(oauthClientIdSchema, 'clientId')) clientId: string,
  ): Promise<void> {
    return this.clients.revoke(clientId);
  }
}
