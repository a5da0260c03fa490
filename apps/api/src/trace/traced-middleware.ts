import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { describeBodyError } from '../common/http/body-errors.js';
import { traceContext } from './trace-context.js';

/** Says in one sentence what a middleware did for this request, once it has called next(). */
export type Describe = (request: Request, response: Response) => string;

function describeFailure(error: unknown): { outcome: 'deny' | 'error'; reason: string } {
  const body = describeBodyError(error);
  if (body) return { outcome: 'deny', reason: `Refused with ${body.status}: ${body.message}` };
  return { outcome: 'error', reason: 'Failed unexpectedly; the exception filter answers 500.' };
}

/**
 * Wraps an Express middleware so the trace records it: when it started, how long it took until
 * it called next(), and whether it passed the request on, refused it or failed. It also puts the
 * request's trace back in context for what follows: body parsing resumes on socket events,
 * which AsyncLocalStorage does not follow.
 */
export function traced(
  step: string,
  middleware: RequestHandler,
  describe?: Describe,
): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const recorder = traceContext.getStore();
    if (!recorder) return middleware(request, response, next);

    const end = recorder.beginMiddleware(step);
    return middleware(request, response, (error?: unknown) => {
      // Express treats next(), next(null), next('route') and next('router') as "go on".
      if (error !== undefined && error !== null && error !== 'route' && error !== 'router') {
        end(describeFailure(error));
      } else {
        end({
          outcome: 'pass',
          reason: describe ? describe(request, response) : 'Passed the request on.',
        });
      }
      // Most middleware call next() synchronously, still inside the context; a body parser calls
      // it from a socket event, outside it, and only then must the context be entered again.
      if (traceContext.getStore() === recorder) next(error);
      else traceContext.run(recorder, () => next(error));
    });
  };
}
