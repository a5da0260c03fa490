import { Controller, Delete, Get, HttpCode, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { oauthClientIdSchema, ROLES, type OAuthGrantView } from '@authlab/shared';
import type { AuthenticatedUser } from '../../auth/authentication/authenticated-user.js';
import { CurrentUser } from '../../auth/decorators/current-user.decorator.js';
import { Roles } from '../../auth/decorators/roles.decorator.js';
import { validParam } from '../../common/pipes/zod-validation.pipe.js';
import { GrantsService } from './grants.service.js';

/**
 * The applications a user has let act for them. @Roles, not a permission: only the user
 * themselves, signed in, may see or end grants — never an application holding a delegated token.
 */
@ApiTags('oauth')
@ApiBearerAuth()
@Roles([...ROLES])
@Controller('oauth/grants')
export class GrantsController {
  constructor(private readonly grants: GrantsService) {}

  @Get()
  @ApiOperation({
    summary: 'The applications you have allowed to act for you, and what each may do',
  })
  list(@CurrentUser() user: AuthenticatedUser): Promise<OAuthGrantView[]> {
    return this.grants.list(user.id);
  }

  @Delete(':clientId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Revoke an application’s access: its tokens for you stop working at once',
  })
  revoke(
    @CurrentUser() user: AuthenticatedUser,
    @Param('clientId', validParam(oauthClientIdSchema, 'clientId')) clientId: string,
  ): Promise<void> {
    return this.grants.revoke(user.id, clientId);
  }
}
