import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type DemoResetResponse, demoResetResponseSchema } from '@authlab/shared';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { DemoSeeder } from './demo-seeder.service.js';
import { ApiAnswer } from '../openapi/api-answer.decorator.js';

/** Exists only in demo mode (DemoModule is not loaded otherwise), so elsewhere this is a 404. */
@ApiTags('demo')
@ApiBearerAuth()
@Controller('demo')
export class DemoController {
  constructor(private readonly seeder: DemoSeeder) {}

  @Post('reset')
  @HttpCode(200)
  @Roles(['admin'])
  @ApiOperation({
    summary: 'Restore the demo accounts and articles and clear the traces (demo mode; admins)',
  })
  @ApiAnswer(200, demoResetResponseSchema, 'What the reset restored and cleared')
  reset(): Promise<DemoResetResponse> {
    return this.seeder.reset();
  }
}
