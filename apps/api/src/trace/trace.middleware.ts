import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { PLAYGROUND_BACKGROUND_HEADER, PLAYGROUND_SESSION_HEADER } from '@authlab/shared';
import { summariseSetCookies } from './set-cookie-summary.js';
import { traceContext } from './trace-context.js';
import { TraceRecorder } from './trace-recorder.js';
import type { TraceStore } from './trace-store.js';

const TRACE_ID = Symbol('traceId');
type WithTraceId = Request & { [TRACE_ID]?: string };

/** A playground session id: random, URL-safe, long enough not to be guessed. */
const SESSION_ID = /^[A-Za-z0-9_-]{16,64}$/;

/** Reading traces must not itself fill the trace store (a live viewer would watch itself). */
const UNTRACED_PREFIX = '/api/traces';

export function traceIdOf(request: Request): string {
  return (request as WithTraceId)[TRACE_ID] ?? 'none';
}

/**
 * The first middleware: gives every request an id (X-Trace-Id, and `traceId` in error bodies)
 * and, when tracing is on, a recorder that every later step reaches through AsyncLocalStorage.
 * The finished trace is stored when the response has been sent.
 */
export function traceMiddleware(store: TraceStore | undefined): RequestHandler {
  return (request: Request, response: Response, next: NextFunction) => {
    const id = randomUUID();
    (request as WithTraceId)[TRACE_ID] = id;
    response.setHeader('X-Trace-Id', id);
    if (!store || request.path.startsWith(UNTRACED_PREFIX)) return next();

    const recorder = new TraceRecorder(id, request.method, request.path, store.sessionClaims);
    const session = request.headers[PLAYGROUND_SESSION_HEADER];
    if (typeof session === 'string' && SESSION_ID.test(session)) recorder.owner.session = session;
    // A display hint only: it changes what the playground lists first, never who may see the trace.
    recorder.background = request.headers[PLAYGROUND_BACKGROUND_HEADER] === '1';
    recorder.record('requestId', 'middleware', 0, recorder.now(), {
      outcome: 'pass',
      // A plain string: a function written here would share this scope, and keep the request
      // and the response alive for as long as the trace is kept.
      reason: `Gave the request the id ${id}, returned in the X-Trace-Id header.`,
    });

    // 'close' follows 'finish' once the answer is sent, and comes alone when the client hangs up first.
    response.once('close', () => {
      const route = (request.route as { path?: unknown } | undefined)?.path;
      recorder.finish(
        response.statusCode,
        typeof route === 'string' ? route : undefined,
        summariseSetCookies(response.getHeader('set-cookie')),
      );
      store.add(recorder);
    });
    traceContext.run(recorder, next);
  };
}
