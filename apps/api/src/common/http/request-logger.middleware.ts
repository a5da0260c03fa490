import { performance } from 'node:perf_hooks';
import { Logger } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { traceIdOf } from '../../trace/trace.middleware.js';

const logger = new Logger('HTTP');

/** One line per request at the verbose level (LOG_LEVEL=verbose): method, path, status, time, trace id. */
export function requestLogger(request: Request, response: Response, next: NextFunction): void {
  const started = performance.now();
  response.once('finish', () => {
    const ms = (performance.now() - started).toFixed(1);
    logger.verbose(`${request.method} ${request.path} ${response.statusCode} ${ms} ms [trace ${traceIdOf(request)}]`);
  });
  next();
}
