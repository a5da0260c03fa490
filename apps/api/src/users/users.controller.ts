import { z } from 'zod';
import { Body, Controller, Get, Param, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  changeClearanceSchema,
  changeRoleSchema,
  userIdSchema,
  type ChangeClearanceRequest,
  type ChangeRoleRequest,
  type SensitivityLabel,
  type UserClearance,
  type UserView,
  userListItemSchema,
  userClearanceSchema,
  userViewSchema,
} from '@authlab/shared';
import { CurrentUser } from '../auth/decorators/current-user.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import type { AuthenticatedUser } from '../auth/authentication/authenticated-user.js';
import { validBody, validParam } from '../common/pipes/zod-validation.pipe.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import { UsersService } from './users.service.js';
import { ApiAnswer, ApiErrors } from '../openapi/api-answer.decorator.js';

@ApiTags('users')
@ApiBearerAuth()
@Roles(['admin'])
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'List every account (admins only)' })
  @ApiAnswer(200, z.array(userListItemSchema), 'Every account, oldest first')
  list(): Promise<Array<UserView & { clearance: SensitivityLabel; createdAt: string }>> {
    return this.users.list();
  }

  @Patch(':id/role')
  @ApiOperation({ summary: "Change a user's role (admins only)" })
  @ApiBody({ schema: openApiSchema(changeRoleSchema) })
  @ApiAnswer(
    200,
    userViewSchema,
    'The account with its new role (its tokens carry the old one until they are refreshed)',
  )
  @ApiErrors({ 404: 'No user has that id.', 409: 'Admins cannot change their own role.' })
  changeRole(
    @CurrentUser() actor: AuthenticatedUser,
    @Param('id', validParam(userIdSchema, 'id')) id: number,
    @Body(validBody(changeRoleSchema)) body: ChangeRoleRequest,
  ): Promise<UserView> {
    return this.users.changeRole(actor.id, id, body.role);
  }

  @Patch(':id/clearance')
  @ApiOperation({ summary: "Set a user's clearance (MAC; admins only)" })
  @ApiBody({ schema: openApiSchema(changeClearanceSchema) })
  @ApiAnswer(200, userClearanceSchema, 'The account with its new clearance')
  @ApiErrors({ 404: 'No user has that id.' })
  changeClearance(
    @Param('id', validParam(userIdSchema, 'id')) id: number,
    @Body(validBody(changeClearanceSchema)) body: ChangeClearanceRequest,
  ): Promise<UserClearance> {
    return this.users.changeClearance(id, body.clearance);
  }
}
