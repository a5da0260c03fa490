import { AsyncLocalStorage } from 'node:async_hooks';
import type { TraceRecorder } from './trace-recorder.js';

/**
 * The recorder of the request being handled, reachable from any middleware, guard, pipe or
 * filter without passing it around. Undefined when tracing is off or outside a request.
 */
export const traceContext = new AsyncLocalStorage<TraceRecorder>();

export function currentTrace(): TraceRecorder | undefined {
  return traceContext.getStore();
}
