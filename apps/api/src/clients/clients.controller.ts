import { z } from 'zod';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  clientIdSchema,
  registerClientSchema,
  type ApiClientView,
  type RegisterClientRequest,
  type RegisteredApiClient,
  TRACE_FACTS,
  registeredApiClientSchema,
  apiClientViewSchema,
} from '@authlab/shared';
import type { AuthenticatedUser } from '../auth/authentication/authenticated-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { validBody, validParam } from '../common/pipes/zod-validation.pipe.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import { currentTrace } from '../trace/trace-context.js';
import { ClientsService } from './clients.service.js';
import { ApiAnswer, ApiErrors } from '../openapi/api-answer.decorator.js';

/** Admins register the applications that call the API on their own behalf (client credentials). */
@ApiTags('clients')
@ApiBearerAuth()
@Roles(['admin'])
@Controller('clients')
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Post()
  @ApiOperation({
    summary: 'Register a machine client; its secret is shown in this answer only (admins only)',
  })
  @ApiBody({ schema: openApiSchema(registerClientSchema) })
  @ApiAnswer(
    201,
    registeredApiClientSchema,
    'The client, with its secret: shown this once, only its hash is kept',
  )
  register(
    @CurrentUser() admin: AuthenticatedUser,
    @Body(validBody(registerClientSchema)) body: RegisterClientRequest,
  ): Promise<RegisteredApiClient> {
    currentTrace()?.noteHandlerFacts({ [TRACE_FACTS.clientScope]: body.scope.join(' ') });
    return this.clients.register(admin.id, body);
  }

  @Get()
  @ApiOperation({ summary: 'List machine clients, without secrets (admins only)' })
  @ApiAnswer(200, z.array(apiClientViewSchema), 'Every machine client, without secrets')
  list(): Promise<ApiClientView[]> {
    return this.clients.list();
  }

  @Delete(':clientId')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Revoke a machine client: no new tokens, and its current ones stop working (admins only)',
  })
  @ApiAnswer(204, null, 'The client is revoked')
  @ApiErrors({ 404: 'No client has that id.' })
  revoke(
    @Param('clientId', validParam(clientIdSchema, 'clientId')) clientId: string,
  ): Promise<void> {
    return this.clients.revoke(clientId);
  }
}
