import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ErrorBody } from '@authlab/shared';
import { ApiException } from './api-exception.js';
import { describeBodyError } from '../http/body-errors.js';
import { currentTrace } from '../../trace/trace-context.js';
import { traceIdOf } from '../../trace/trace.middleware.js';

interface Described {
  status: number;
  message: string;
  headers?: Readonly<Record<string, string>>;
  details?: ErrorBody['details'];
  code?: string;
}

/** Nest's own exceptions carry either a string or `{ message }`, where message may be a list. */
function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** Nest's Express adapter wraps some body-parser errors in a BadRequestException; look through it. */
function describeBodyParserError(exception: unknown): Described | undefined {
  return describeBodyError(
    exception instanceof HttpException && exception.cause ? exception.cause : exception,
  );
}

function describe(exception: unknown): Described | undefined {
  const bodyParserError = describeBodyParserError(exception);
  if (bodyParserError) return bodyParserError;
  if (exception instanceof ApiException) {
    return {
      status: exception.getStatus(),
      message: exception.message,
      headers: exception.headers,
      details: exception.details,
      code: exception.code,
    };
  }
  if (exception instanceof HttpException) {
    return { status: exception.getStatus(), message: messageOf(exception) };
  }
  return undefined;
}

/**
 * Writes every error in one JSON shape: `{ statusCode, error, message, traceId }`.
 * Anything unexpected becomes a plain 500; its stack goes to the server log, never the client.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const end = currentTrace()?.begin('AllExceptionsFilter', 'filter');
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const traceId = traceIdOf(request);

    let described = describe(exception);
    // A 5xx the API raised on purpose (503 with Retry-After) is said as is; any other is hidden.
    if (!described || (described.status >= 500 && !(exception instanceof ApiException))) {
      this.logger.error(
        `${request.method} ${request.originalUrl} failed [trace ${traceId}]`,
        exception instanceof Error ? exception.stack : String(exception),
      );
      described = { status: 500, message: 'Something went wrong on the server.' };
    }

    const body: ErrorBody = {
      statusCode: described.status,
      error: STATUS_CODES[described.status] ?? 'Error',
      message: described.message,
      ...(described.code ? { code: described.code } : {}),
      ...(described.details ? { details: described.details } : {}),
      traceId,
    };
    end?.({
      outcome: described.status >= 500 ? 'error' : 'deny',
      reason: `Answered ${described.status} ${body.error}: ${body.message}`,
    });
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(described.headers ?? {}))
      response.setHeader(name, value);
    response.status(described.status).json(body);
  }
}
