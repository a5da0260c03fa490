import { Controller, Get, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { RequirePermissions } from '../auth/decorators/require-permissions.decorator.js';
import { LoopbackOnlyGuard } from '../lab/loopback-only.guard.js';
import { UsersRepository } from '../users/users.repository.js';

/**
 * BFLA (OWASP API5:2023): the account list is an admin function. The weak variant guards its
 * GET with @Roles(['admin']) but also answers a POST ".../list" added later with only the
 * "read" permission — a method and path variant that forgot the role. The strict variant has
 * one route, for admins.
 */
@ApiTags('lab')
@ApiBearerAuth()
@UseGuards(LoopbackOnlyGuard)
@Controller('lab/access/bfla')
export class BflaLabController {
  constructor(private readonly users: UsersRepository) {}

  @Get('weak/users')
  @Roles(['admin'])
  @ApiOperation({ summary: 'BFLA, weak: the admin GET' })
  weakGet() {
    return this.users.list();
  }

  @Post('weak/users/list')
  @RequirePermissions(['read'])
  @ApiOperation({ summary: 'BFLA, weak: the same list by POST, guarded by "read" only' })
  weakPost() {
    return this.users.list();
  }

  @Get('strict/users')
  @Roles(['admin'])
  @ApiOperation({ summary: 'BFLA, strict: one route, for admins' })
  strictGet() {
    return this.users.list();
  }
}
