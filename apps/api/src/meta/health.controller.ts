import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { sql } from 'kysely';
import type { HealthResponse } from '@authlab/shared';
import { Public } from '../auth/decorators/public.decorator.js';
import { DATABASE, DATABASE_KIND, type Database, type DatabaseKind } from '../database/database.types.js';

@ApiTags('meta')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(DATABASE_KIND) private readonly kind: DatabaseKind,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability (public)' })
  async health(): Promise<HealthResponse> {
    await sql`select 1`.execute(this.db);
    return { status: 'ok', database: this.kind, uptimeSeconds: Math.round(process.uptime()) };
  }
}
