import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type HealthResponse, healthResponseSchema } from '@authlab/shared';
import { Public } from '../auth/decorators/public.decorator.js';
import {
  DATABASE,
  DATABASE_KIND,
  type Database,
  type DatabaseKind,
} from '../database/database.types.js';
import { preparedQuery, type PreparedQuery } from '../database/prepared-query.js';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';

@ApiTags('meta')
@Controller('health')
export class HealthController {
  /** The round trip that proves the database answers; compiled once (see preparedQuery). */
  private readonly ping: PreparedQuery<[], { one: 1 }>;

  constructor(
    @Inject(DATABASE) db: Database,
    @Inject(DATABASE_KIND) private readonly kind: DatabaseKind,
  ) {
    this.ping = preparedQuery(db, () => db.selectNoFrom((eb) => eb.lit(1).as('one')), []);
  }

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and database reachability (public)' })
  @ApiAnswer(200, healthResponseSchema, 'The API runs and its database answers')
  async health(): Promise<HealthResponse> {
    await this.ping();
    return { status: 'ok', database: this.kind, uptimeSeconds: Math.round(process.uptime()) };
  }
}
