import {
  BadRequestException,
  Controller,
  Get,
  NotFoundException,
  ServiceUnavailableException,
  type INestApplication,
  type LoggerService,
} from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { traceMiddleware } from '../../trace/trace.middleware.js';
import { AllExceptionsFilter } from './all-exceptions.filter.js';
import { ApiException } from './api-exception.js';

const INTERNAL_DETAIL = 'connect ECONNREFUSED 10.0.0.5:5432 (user authlab, password hunter2)';

@Controller('fail')
class FailingController {
  @Get('unknown-error')
  unknownError() {
    throw new Error(INTERNAL_DETAIL);
  }

  @Get('thrown-string')
  thrownString() {
    // eslint-disable-next-line @typescript-eslint/only-throw-error -- libraries do throw plain strings
    throw INTERNAL_DETAIL;
  }

  @Get('server-http-exception')
  serverHttpException() {
    throw new ServiceUnavailableException(INTERNAL_DETAIL);
  }

  @Get('api-exception')
  apiException() {
    throw new ApiException(429, 'Too many sign-in attempts; wait 30 s.', { 'Retry-After': '30' }, [
      { path: 'username', message: 'is locked' },
    ]);
  }

  @Get('nest-exception')
  nestException() {
    throw new NotFoundException('There is no article 9.');
  }

  @Get('nest-exception-with-list')
  nestExceptionWithList() {
    throw new BadRequestException(['title is empty', 'body is empty']);
  }
}

class CapturingLogger implements LoggerService {
  errors: unknown[][] = [];
  log() {}
  warn() {}
  error(...params: unknown[]) {
    this.errors.push(params);
  }
}

describe('AllExceptionsFilter', () => {
  const logger = new CapturingLogger();
  let app: INestApplication;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [FailingController],
      providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
    }).compile();
    app = moduleRef.createNestApplication({ logger });
    app.use(traceMiddleware(undefined));
    await app.init();
  });

  afterAll(async () => {
    await app?.close();
  });

  beforeEach(() => {
    logger.errors = [];
  });

  it('turns an unknown Error into a 500 with the generic message and nothing else', async () => {
    const response = await request(app.getHttpServer()).get('/fail/unknown-error');
    expect(response.status).toBe(500);
    expect(response.body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: 'Something went wrong on the server.',
      traceId: response.headers['x-trace-id'],
    });
    expect(response.text).not.toContain('hunter2');
  });

  it('writes the stack of an unknown Error to the server log, with the trace id', async () => {
    const response = await request(app.getHttpServer()).get('/fail/unknown-error');
    expect(logger.errors).toHaveLength(1);
    const [message, stack] = logger.errors[0]!;
    expect(message).toBe(
      `GET /fail/unknown-error failed [trace ${response.headers['x-trace-id']}]`,
    );
    expect(stack).toContain(`Error: ${INTERNAL_DETAIL}`);
    expect(stack).toContain('all-exceptions.filter.spec.ts');
  });

  it('turns a thrown non-Error into the same generic 500', async () => {
    const response = await request(app.getHttpServer()).get('/fail/thrown-string');
    expect(response.status).toBe(500);
    expect(response.body.message).toBe('Something went wrong on the server.');
  });

  it('hides the message of a 5xx HttpException too', async () => {
    const response = await request(app.getHttpServer()).get('/fail/server-http-exception');
    expect(response.status).toBe(500);
    expect(response.body.message).toBe('Something went wrong on the server.');
    expect(response.text).not.toContain('hunter2');
  });

  it('writes an ApiException with its status, message, headers and details', async () => {
    const response = await request(app.getHttpServer()).get('/fail/api-exception');
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('30');
    expect(response.body).toEqual({
      statusCode: 429,
      error: 'Too Many Requests',
      message: 'Too many sign-in attempts; wait 30 s.',
      details: [{ path: 'username', message: 'is locked' }],
      traceId: response.headers['x-trace-id'],
    });
    expect(logger.errors).toEqual([]);
  });

  it("keeps the message of Nest's own client errors in the same shape", async () => {
    const response = await request(app.getHttpServer()).get('/fail/nest-exception');
    expect(response.status).toBe(404);
    expect(response.body).toEqual({
      statusCode: 404,
      error: 'Not Found',
      message: 'There is no article 9.',
      traceId: response.headers['x-trace-id'],
    });
  });

  it('joins a list of messages into one sentence', async () => {
    const response = await request(app.getHttpServer()).get('/fail/nest-exception-with-list');
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('title is empty; body is empty');
  });

  it('answers an unknown route in the same shape', async () => {
    const response = await request(app.getHttpServer()).get('/nowhere');
    expect(response.status).toBe(404);
    expect(Object.keys(response.body).sort()).toEqual([
      'error',
      'message',
      'statusCode',
      'traceId',
    ]);
  });
});
