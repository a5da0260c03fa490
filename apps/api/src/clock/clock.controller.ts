import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  advanceClockSchema,
  type AdvanceClockRequest,
  type ClockResponse,
  clockResponseSchema,
} from '@authlab/shared';
import { Public } from '../auth/decorators/public.decorator.js';
import { Roles } from '../auth/decorators/roles.decorator.js';
import { ApiException } from '../common/errors/api-exception.js';
import { validBody } from '../common/pipes/zod-validation.pipe.js';
import { openApiSchema } from '../openapi/openapi-schema.js';
import { CLOCK, Clock } from './clock.js';
import { ApiAnswer, ApiErrors } from '../openapi/api-answer.decorator.js';

@ApiTags('clock')
@Controller('clock')
export class ClockController {
  constructor(@Inject(CLOCK) private readonly clock: Clock) {}

  @Public()
  @Get()
  @ApiOperation({ summary: "The API's current time and how far it has been moved forward" })
  @ApiAnswer(200, clockResponseSchema, 'The API’s clock')
  now(): ClockResponse {
    return this.describe();
  }

  @Post('advance')
  @HttpCode(200)
  @Roles(['admin'])
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Move the clock forward (demo and lab mode only; admins)' })
  @ApiBody({ schema: openApiSchema(advanceClockSchema) })
  @ApiAnswer(200, clockResponseSchema, 'The clock, moved forward')
  @ApiErrors({ 404: 'The clock can be moved only in demo or lab mode.' })
  advance(@Body(validBody(advanceClockSchema)) body: AdvanceClockRequest): ClockResponse {
    this.requireAdjustable();
    this.clock.advance(body.seconds);
    return this.describe();
  }

  @Post('reset')
  @HttpCode(200)
  @Roles(['admin'])
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Put the clock back to the real time (demo and lab mode only; admins)' })
  @ApiAnswer(200, clockResponseSchema, 'The clock, back at the real time')
  @ApiErrors({ 404: 'The clock can be moved only in demo or lab mode.' })
  reset(): ClockResponse {
    this.requireAdjustable();
    this.clock.reset();
    return this.describe();
  }

  private requireAdjustable(): void {
    // Outside demo and lab mode the clock cannot move, and its controls do not exist.
    if (!this.clock.adjustable)
      throw new ApiException(404, 'The clock can be moved only in demo or lab mode.');
  }

  private describe(): ClockResponse {
    return {
      now: new Date(this.clock.nowMs()).toISOString(),
      offsetSeconds: this.clock.offsetSeconds,
      adjustable: this.clock.adjustable,
    };
  }
}
