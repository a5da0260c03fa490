import {
  HttpException,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { tap, type Observable } from 'rxjs';
import { currentTrace } from './trace-context.js';
import type { Lazy } from './trace-recorder.js';

/**
 * Records the interceptor stage and the handler. Nest runs pipes inside `next.handle()`, after
 * this interceptor, so the handler's own time starts where the last pipe ended.
 */
@Injectable()
export class TracingInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const trace = currentTrace();
    if (!trace) return next.handle();

    const handler = `${context.getClass().name}.${context.getHandler().name}`;
    const before = trace.now();
    trace.record('TracingInterceptor', 'interceptor', before, trace.now(), {
      outcome: 'pass',
      reason: () => `Wraps ${handler}: the handler runs inside it, after the pipes.`,
    });
    let recorded = false;
    const recordHandler = (outcome: 'pass' | 'deny' | 'error', reason: Lazy<string>) => {
      if (recorded) return;
      recorded = true;
      const start = Math.max(before, trace.latestEnd());
      const detail = trace.takeHandlerFacts();
      const checks = trace.takeHandlerChecks();
      trace.record(handler, 'handler', start, trace.now(), {
        outcome,
        reason,
        ...(detail ? { detail } : {}),
        ...(checks ? { checks } : {}),
      });
    };

    return next.handle().pipe(
      tap({
        next: () => recordHandler('pass', () => `${handler} returned its result.`),
        error: (error: unknown) => {
          // A pipe that refused the input has recorded the refusal; the handler never ran.
          if (trace.refusedSince(before)) return;
          if (error instanceof HttpException && error.getStatus() < 500) {
            recordHandler('deny', `${handler} answered ${error.getStatus()}: ${error.message}`);
          } else {
            recordHandler('error', `${handler} failed unexpectedly.`);
          }
        },
      }),
    );
  }
}
