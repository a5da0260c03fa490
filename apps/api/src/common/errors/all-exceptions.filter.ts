import { STATUS_CODES } from 'node:http';
import { ArgumentsHost, Catch, HttpException, Logger, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ErrorBody } from '@authlab/shared';
import { ApiException } from './api-exception.js';
import { PROTOTYPE_KEY_ERROR } from '../http/json-body.js';
import { traceIdOf } from '../http/trace-id.middleware.js';

/** Errors raised by Express's body parser carry a `type`; these are the ones a client can cause. */
const BODY_PARSER_ERRORS: Readonly<Record<string, { status: number; message: string }>> = {
  'entity.parse.failed': { status: 400, message: 'The request body is not valid JSON.' },
  'entity.too.large': { status: 413, message: 'The request body is larger than 100 kB.' },
  'encoding.unsupported': { status: 415, message: 'The request body uses an unsupported content encoding.' },
  'charset.unsupported': { status: 415, message: 'The request body uses an unsupported charset.' },
  'request.aborted': { status: 400, message: 'The request was aborted before its body arrived.' },
  'request.size.invalid': { status: 400, message: 'The request body does not match its Content-Length.' },
  'media.unsupported': {
    status: 415,
    message: 'The request body must be JSON, sent with Content-Type: application/json.',
  },
};

interface Described {
  status: number;
  message: string;
  headers?: Readonly<Record<string, string>>;
  details?: ErrorBody['details'];
}

/** Nest's own exceptions carry either a string or `{ message }`, where message may be a list. */
function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/** Errors of Express's body parser. Nest's adapter wraps some in a BadRequestException; look through it. */
function describeBodyParserError(exception: unknown): Described | undefined {
  const error = exception instanceof HttpException && exception.cause ? exception.cause : exception;
  const type = (error as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !Object.hasOwn(BODY_PARSER_ERRORS, type)) return undefined;
  const message = (error as Error).message;
  if (type === 'entity.parse.failed' && message.startsWith(PROTOTYPE_KEY_ERROR)) {
    return { status: 400, message: `The request body contains a ${message}, which is never accepted.` };
  }
  return BODY_PARSER_ERRORS[type];
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
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const traceId = traceIdOf(request);

    let described = describe(exception);
    if (!described || described.status >= 500) {
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
      ...(described.details ? { details: described.details } : {}),
      traceId,
    };
    if (response.headersSent) return;
    for (const [name, value] of Object.entries(described.headers ?? {})) response.setHeader(name, value);
    response.status(described.status).json(body);
  }
}
