import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';

const TRACE_ID = Symbol('traceId');

type WithTraceId = Request & { [TRACE_ID]?: string };

/** Gives every request an id, returned as X-Trace-Id and in every error body. */
export function traceIdMiddleware(request: Request, response: Response, next: NextFunction): void {
  const id = randomUUID();
  (request as WithTraceId)[TRACE_ID] = id;
  response.setHeader('X-Trace-Id', id);
  next();
}

export function traceIdOf(request: Request): string {
  return (request as WithTraceId)[TRACE_ID] ?? 'none';
}
