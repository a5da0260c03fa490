import { useCallback, useId, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { failureCategory, type ClockResponse, type Trace } from '@authlab/shared';
import { StatusBadge } from '../../../components/StatusBadge';
import { errorMessageOf, type RawResponse } from '../../../lib/api-client';
import { useClock } from '../../../lib/api/get-clock';
import { formatOffset } from '../../../lib/durations';
import type { PlaygroundSession } from '../../../lib/session-store';
import { useTraceStream, type StreamStatus } from '../../../lib/use-trace-stream';
import { useAdminAction, type AdminAction } from '../api/admin-actions';
import { CLASS_TRACE_LIMIT, CLASS_TRACES_KEY, useClassTraces } from '../api/get-class-traces';
import { groupFailures, isPlaygroundPlumbing } from '../lib/group-failures';

const FAST_FORWARD_SECONDS = 15 * 60;
const SHOWN_REQUESTS = 12;
/** Counted since the view opened: more than one load of the API's list. */
const KEPT = CLASS_TRACE_LIMIT * 5;

const STREAM_TEXT: Readonly<Record<StreamStatus, string>> = {
  connecting: 'Connecting to the live stream…',
  live: 'Live',
  reconnecting: 'The live stream dropped; reconnecting…',
  unavailable: 'This API has no live trace stream.',
};

/** An answer's fields in words: {"users":4,"articles":3} reads "users: 4, articles: 3"; the clock's as a sentence. */
function describeBody(body: unknown): string {
  if (body === undefined) return 'done';
  const clock = body as Partial<ClockResponse>;
  if (typeof clock.offsetSeconds === 'number' && typeof clock.now === 'string') {
    const offset =
      clock.offsetSeconds === 0 ? 'real time' : `${formatOffset(clock.offsetSeconds)} ahead`;
    return `the API’s clock reads ${clock.now.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')} (${offset}).`;
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return JSON.stringify(body);
  return Object.entries(body as Record<string, unknown>)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

/** What the API answered to an instructor's action, in one line. */
function AnswerLine({ response, action }: { response: RawResponse; action: string }) {
  const message = errorMessageOf(response.body) ?? describeBody(response.body);
  return (
    <p className="presenter-answer" role="status">
      {action}: <StatusBadge status={response.status} statusText={response.statusText} />{' '}
      <span className="mono">{message}</span>
    </p>
  );
}

function ClockControls({ session }: { session: PlaygroundSession }) {
  const id = useId();
  const clock = useClock();
  const action = useAdminAction(session);
  const adjustable = clock.data?.adjustable ?? false;
  const offset = clock.data?.offsetSeconds ?? 0;
  const run = (next: AdminAction) => action.mutate(next);

  return (
    <section className="panel presenter-clock" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Simulated clock</h3>
      {clock.isError && <p className="notice notice-info">This API has no simulated clock.</p>}
      {clock.isSuccess && (
        <p className="presenter-figure">
          {offset === 0
            ? 'Real time'
            : `${formatOffset(offset)} ${offset > 0 ? 'ahead' : 'behind'}`}
        </p>
      )}
      {clock.isSuccess && !adjustable && (
        <p className="hint">The clock moves only in demo or lab mode, never in production.</p>
      )}
      <div className="button-row">
        <button
          type="button"
          className="primary"
          disabled={!adjustable || action.isPending}
          onClick={() =>
            run({ path: '/api/clock/advance', body: { seconds: FAST_FORWARD_SECONDS } })
          }
        >
          Fast-forward 15 minutes
        </button>
        <button
          type="button"
          disabled={!adjustable || offset === 0 || action.isPending}
          onClick={() => run({ path: '/api/clock/reset' })}
        >
          Reset clock
        </button>
      </div>
      {action.isError && <p className="notice notice-error">{action.error.message}</p>}
      {action.data && action.variables.path !== '/api/demo/reset' && (
        <AnswerLine
          response={action.data}
          action={action.variables.path === '/api/clock/advance' ? 'Fast-forward' : 'Reset clock'}
        />
      )}
    </section>
  );
}

function DemoReset({ session }: { session: PlaygroundSession }) {
  const id = useId();
  const action = useAdminAction(session);
  return (
    <section className="panel presenter-demo" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>Demo data</h3>
      <p className="hint">
        Restores the demo accounts and articles, whatever the class did to them.
      </p>
      <button
        type="button"
        disabled={action.isPending}
        onClick={() => action.mutate({ path: '/api/demo/reset' })}
      >
        Reset demo data
      </button>
      {action.isError && <p className="notice notice-error">{action.error.message}</p>}
      {action.data && <AnswerLine response={action.data} action="Reset demo data" />}
    </section>
  );
}

function ClassRequests({ session }: { session: PlaygroundSession }) {
  const id = useId();
  const queryClient = useQueryClient();
  const token = session.accessToken;
  const traces = useClassTraces(token, true);
  const [countingFrom, setCountingFrom] = useState<ReadonlySet<string>>(new Set());
  const add = useCallback(
    (trace: Trace) =>
      queryClient.setQueryData<Trace[]>(CLASS_TRACES_KEY, (previous = []) =>
        [trace, ...previous.filter((known) => known.id !== trace.id)].slice(0, KEPT),
      ),
    [queryClient],
  );
  const stream = useTraceStream(token, add);
  const counted = (traces.data ?? []).filter(
    (trace) => !isPlaygroundPlumbing(trace) && !countingFrom.has(trace.id),
  );
  const groups = groupFailures(counted);
  const failed = groups.reduce((sum, group) => sum + group.count, 0);

  return (
    <>
      <section className="panel presenter-failures" aria-labelledby={`${id}-failures`}>
        <h3 id={`${id}-failures`}>Why requests failed</h3>
        <p className="presenter-totals">
          {counted.length} {counted.length === 1 ? 'request' : 'requests'}, {failed} refused or
          failed
        </p>
        {traces.isError && (
          <p className="notice notice-error">Could not load the requests: {traces.error.message}</p>
        )}
        {groups.length === 0 ? (
          <p>No failed request yet.</p>
        ) : (
          <ol className="failure-groups" aria-label="Failures by reason, most frequent first">
            {groups.map((group) => (
              <li key={group.category}>
                <span className="failure-count">
                  {group.count} {group.count === 1 ? 'request' : 'requests'}
                </span>
                : {group.category}
              </li>
            ))}
          </ol>
        )}
        <button
          type="button"
          className="secondary"
          onClick={() => setCountingFrom(new Set((traces.data ?? []).map((trace) => trace.id)))}
        >
          Start counting again
        </button>
      </section>
      <section className="panel presenter-stream" aria-labelledby={`${id}-stream`}>
        <h3 id={`${id}-stream`}>Every request of the class</h3>
        <p className={`stream-status stream-${stream}`} role="status">
          {STREAM_TEXT[stream]}
        </p>
        <ol className="presenter-requests" aria-label="Newest requests first">
          {counted.slice(0, SHOWN_REQUESTS).map((trace) => (
            <li key={trace.id}>
              <span className="mono">
                {trace.method} {trace.path}
              </span>{' '}
              <StatusBadge status={trace.status} />{' '}
              {failureCategory(trace) && (
                <span className="presenter-reason">{failureCategory(trace)}</span>
              )}
            </li>
          ))}
        </ol>
        <p className="hint">
          No names: only what was asked and why it failed. The playground’s own page loads are left
          out.
        </p>
      </section>
    </>
  );
}

/** The instructor's screen: large type, the whole class's requests grouped by failure, demo data and the clock. */
export function PresenterView({ session }: { session: PlaygroundSession | null }) {
  const id = useId();
  const admin = session?.role === 'admin' ? session : null;
  return (
    <div className="presenter">
      <section className="panel presenter-intro" aria-labelledby={`${id}-heading`}>
        <h2 id={`${id}-heading`}>Presenter view</h2>
        {!admin && (
          <p className="notice notice-info">
            Sign in as <strong>admin</strong> above: an admin sees every request of the class, and
            may reset the demo data and move the clock. Learners see only their own requests.
          </p>
        )}
      </section>
      {admin && (
        <div className="presenter-grid">
          <ClassRequests session={admin} />
          <ClockControls session={admin} />
          <DemoReset session={admin} />
        </div>
      )}
    </div>
  );
}
