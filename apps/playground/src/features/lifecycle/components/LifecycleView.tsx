import { useId, useState } from 'react';
import { StatusBadge } from '../../../components/StatusBadge';
import { TraceById } from '../../../components/TraceById';
import { deciderIndex, TraceFlow } from '../../../components/TraceFlow';
import { ApiError } from '../../../lib/api-client';
import { isUnexpired } from '../../../lib/decode-jwt';
import { formatMs } from '../../../lib/durations';
import { hrefFor } from '../../../lib/hash-route';
import type { PlaygroundSession } from '../../../lib/session-store';
import { useRecentTraces } from '../api/get-recent-traces';
import { useRecentTraceStream, type StreamStatus } from '../hooks/use-recent-trace-stream';
import { TraceCompare } from './TraceCompare';

const STREAM_TEXT: Readonly<Record<StreamStatus, string>> = {
  connecting: 'Connecting to the live stream…',
  live: 'Live: new requests appear as they happen.',
  reconnecting: 'The live stream dropped; reconnecting…',
  unavailable: 'This API has no live trace stream.',
};

interface LifecycleViewProps {
  session: PlaygroundSession | null;
  /** The trace to show, from the URL (#/lifecycle/<id>); else the newest. */
  selectedId?: string;
}

/** Each request's path through the API as a vertical flow, and a live list of recent requests. */
export function LifecycleView({ session, selectedId }: LifecycleViewProps) {
  const id = useId();
  // The session header alone shows this browser's requests; a live admin token shows everyone's.
  const token =
    session?.accessToken && isUnexpired(session.accessToken) ? session.accessToken : undefined;
  const recent = useRecentTraces(token);
  const stream = useRecentTraceStream(token);
  const [showBackground, setShowBackground] = useState(false);
  const allTraces = recent.data ?? [];
  const hidden = allTraces.filter((trace) => trace.background).length;
  const traces = showBackground ? allTraces : allTraces.filter((trace) => !trace.background);
  // A trace named in the URL shows even when it is a background call: it was asked for.
  const selected = selectedId ? allTraces.find((trace) => trace.id === selectedId) : traces[0];

  return (
    <div className="lifecycle">
      <section className="panel recent-traces" aria-labelledby={`${id}-recent`}>
        <h2 id={`${id}-recent`}>Recent requests</h2>
        <p className={`stream-status stream-${stream}`} role="status">
          {STREAM_TEXT[stream]}
        </p>
        <p className="hint">
          {session?.role === 'admin'
            ? 'As admin you see every request.'
            : 'You see requests made with your token and the anonymous ones from this browser.'}
        </p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={showBackground}
            onChange={(event) => setShowBackground(event.target.checked)}
          />
          <span>
            Show the playground’s own calls (health, clock, routes, “Who am I?”…)
            {!showBackground && hidden > 0 ? `: ${hidden} hidden` : ''}
          </span>
        </label>
        {recent.isPending && <p>Loading…</p>}
        {recent.isError && (
          <p className="notice notice-info">
            {recent.error instanceof ApiError && recent.error.statusCode === 404
              ? 'This API does not record traces yet.'
              : `Could not load recent requests: ${recent.error.message}`}
          </p>
        )}
        {recent.isSuccess && traces.length === 0 && (
          <p>
            {allTraces.length === 0 ? 'No requests yet.' : 'No requests of yours yet.'} Send one
            from the request builder or the RBAC matrix.
          </p>
        )}
        <ol className="trace-list" aria-label="Recent requests, newest first">
          {traces.map((trace) => (
            <li key={trace.id}>
              <a
                href={hrefFor('lifecycle', trace.id)}
                className="trace-link"
                aria-current={trace.id === selected?.id ? 'true' : undefined}
              >
                <span className="mono trace-link-path">
                  {trace.method} {trace.path}
                </span>
                <StatusBadge status={trace.status} />
                <span className="hint">
                  {deciderIndex(trace) !== -1
                    ? `${trace.events[deciderIndex(trace)]!.step} · `
                    : ''}
                  {formatMs(trace.durationMs)} · {new Date(trace.startedAt).toLocaleTimeString()}
                </span>
              </a>
            </li>
          ))}
        </ol>
      </section>
      <section className="panel trace-panel" aria-labelledby={`${id}-flow`}>
        <h2 id={`${id}-flow`}>Request lifecycle</h2>
        {selected ? (
          <TraceFlow trace={selected} />
        ) : selectedId ? (
          <TraceById traceId={selectedId} linkToLifecycle={false} {...(token ? { token } : {})} />
        ) : (
          <p>Pick a request on the left to see every step it went through.</p>
        )}
      </section>
      <TraceCompare traces={traces} />
    </div>
  );
}
