import { ApiError } from '../lib/api-client';
import { useTrace } from '../lib/api/get-trace';
import { hrefFor } from '../lib/hash-route';
import { TraceFlow } from './TraceFlow';

interface TraceByIdProps {
  traceId: string;
  /**
   * Sent when reading the trace of an authenticated request: the playground session alone shows
   * only anonymous requests. (A stale token would get the read refused.)
   */
  token?: string;
  /** Offer a link to the lifecycle view (not inside it). */
  linkToLifecycle?: boolean;
  headingLevel?: 2 | 3;
}

/** The lifecycle of one request, loaded by its X-Trace-Id. */
export function TraceById({
  traceId,
  token,
  headingLevel,
  linkToLifecycle = true,
}: TraceByIdProps) {
  const trace = useTrace(traceId, token);

  if (trace.isPending) return <p role="status">Loading the trace {traceId}…</p>;
  if (trace.isError) {
    const missing = trace.error instanceof ApiError && trace.error.statusCode === 404;
    return (
      <p className="notice notice-info">
        {missing
          ? `The API has no trace ${traceId} for you: tracing may be off in this API, the trace was evicted, or it belongs to another caller.`
          : `Could not load the trace: ${trace.error.message}`}
      </p>
    );
  }
  return (
    <>
      <TraceFlow trace={trace.data} {...(headingLevel ? { headingLevel } : {})} />
      {linkToLifecycle && (
        <p className="hint">
          <a href={hrefFor('lifecycle', traceId)}>Open in the lifecycle view</a>
        </p>
      )}
    </>
  );
}
