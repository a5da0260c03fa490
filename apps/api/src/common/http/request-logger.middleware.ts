import { performance } from 'node:perf_hooks';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { traceIdOf } from '../../trace/trace.middleware.js';

const logger = new Logger('HTTP');

/**
 * One line per request at the verbose level (LOG_LEVEL=verbose): method, path, status, time,
 * trace id. Below that level it only passes the request on: a 'finish' listener per request
 * whose line would be thrown away is measurable work (bench/).
 */
export function requestLogger(enabled: boolean): RequestHandler {
  if (!enabled) return (_request, _response, next) => next();
  return (request: Request, response: Response, next: NextFunction) => {
    const started = performance.now();
    response.once('finish', () => {
      const ms = (performance.now() - started).toFixed(1);
      logger.verbose(
        `${request.method} ${request.path} ${response.statusCode} ${ms} ms [trace ${traceIdOf(request)}]`,
      );
    });
    next();
  };
}
