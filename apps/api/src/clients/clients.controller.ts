import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  clientIdSchema,
  registerClientSchema,
  type ApiClientView,
  type RegisterClientRequest,
  type RegisteredApiClient,
  TRACE_FACTS,
} from '@authlab/shared';
import type { AuthenticatedUser } from '../auth/authentication/authenticated-user.js';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { validBody, validParam } from '../common/pipes/zod-validation.pipe.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import { currentTrace } from '../trace/trace-context.js';
import { ClientsService } from './clients.service.js';

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
  register(
    @CurrentUser() admin: AuthenticatedUser,
    @Body(validBody(registerClientSchema)) body: RegisterClientRequest,
  ): Promise<RegisteredApiClient> {
    currentTrace()?.noteHandlerFacts({ [TRACE_FACTS.clientScope]: body.scope.join(' ') });
    return this.clients.register(admin.id, body);
  }

  @Get()
  @ApiOperation({ summary: 'List machine clients, without secrets (admins only)' })
  list(): Promise<ApiClientView[]> {
    return this.clients.list();
  }

  @Delete(':clientId')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Revoke a machine client: no new tokens, and its current ones stop working (admins only)',
  })
  revoke(
    @Param('clientId', validParam(clientIdSchema, 'clientId')) clientId: string,
  ): Promise<void> {
    return this.clients.revoke(clientId);
  }
}
