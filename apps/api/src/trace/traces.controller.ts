import { Controller, Get, Inject, MessageEvent, Param, Query, Req, Sse } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { z } from 'zod';
import { PLAYGROUND_SESSION_HEADER, type Trace, traceSchema } from '@authlab/shared';
import { OptionalAuth } from '../auth/decorators/optional-auth.decorator.js';
import { ApiException } from '../common/errors/api-exception.js';
import { ZodValidationPipe } from '../common/pipes/zod-validation.pipe.js';
import { canSee, traceViewerOf } from './trace-visibility.js';
import { TRACE_STORE, TraceStore } from './trace-store.js';
import { TraceStreams } from './trace-streams.service.js';
import { ApiAnswer, ApiErrors } from '../openapi/api-answer.decorator.js';

const limitSchema = z.coerce.number().int().min(1).max(200).default(50);

@ApiTags('traces')
@ApiBearerAuth()
@ApiHeader({
  name: PLAYGROUND_SESSION_HEADER,
  required: false,
  description: 'Sees anonymous requests of this playground session',
})
@OptionalAuth()
@Controller('traces')
export class TracesController {
  constructor(
    @Inject(TRACE_STORE) private readonly store: TraceStore,
    private readonly streams: TraceStreams,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Recent traces the caller may see, newest first' })
  @ApiAnswer(200, z.array(traceSchema), 'The traces, newest first')
  recent(
    @Req() request: Request,
    @Query('limit', new ZodValidationPipe(limitSchema, 'query parameter "limit"')) limit: number,
  ): Trace[] {
    const viewer = traceViewerOf(request);
    return this.store
      .recent((trace) => canSee(viewer, trace), limit)
      .map((trace) => trace.toTrace());
  }

  @Sse('stream')
  @ApiOperation({
    summary:
      'New traces the caller may see, as server-sent events (event: trace); ends with event: end when the token is revoked or expires',
  })
  @ApiResponse({
    status: 200,
    description:
      'Server-sent events: `event: trace` with a Trace as data; `event: end` when the stream ends',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiErrors({
    429: 'Too many trace streams open for this caller or network; Retry-After says when to try again.',
  })
  stream(@Req() request: Request): Observable<MessageEvent> {
    return this.streams.openFor(request);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One trace, if the caller may see it' })
  @ApiAnswer(200, traceSchema, 'The trace')
  @ApiErrors({
    404: 'No trace with that id that the caller may see (someone else’s answers the same).',
  })
  one(
    @Req() request: Request,
    @Param('id', new ZodValidationPipe(z.uuid(), 'trace id')) id: string,
  ): Trace {
    const trace = this.store.get(id);
    // Someone else's trace answers exactly like a missing one: its existence is not revealed.
    if (!trace || !canSee(traceViewerOf(request), trace)) {
      throw new ApiException(
        404,
        `No trace ${id} that you may see (traces are kept for the last ${this.store.capacity} requests).`,
      );
    }
    return trace.toTrace();
  }
}
