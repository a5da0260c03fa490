import { TRACE_STEP_KINDS, type Trace, type TraceEvent, type TraceStepKind } from '@authlab/shared';
import { formatMs } from '../lib/durations';
import { StatusBadge } from './StatusBadge';

/** A check that never ran (ok: null) is neither a tick nor a cross: it proved nothing. */
const CHECK_LOOKS = {
  true: { className: 'check-ok', icon: '✓', word: 'passed' },
  false: { className: 'check-failed', icon: '✗', word: 'failed' },
  null: { className: 'check-skipped', icon: '–', word: 'not checked' },
} as const;

const OUTCOME_WORDS: Readonly<Record<TraceEvent['outcome'], { icon: string; word: string }>> = {
  pass: { icon: '✓', word: 'passed' },
  deny: { icon: '✗', word: 'refused' },
  error: { icon: '!', word: 'failed' },
};

const KIND_HINTS: Readonly<Record<TraceStepKind, string>> = {
  middleware: 'Express middleware: runs for every request, before Nest routes it.',
  guard: 'Guard: decides whether this caller may reach the route.',
  interceptor: 'Interceptor: wraps the handler, before and after.',
  pipe: 'Pipe: validates and converts the input.',
  handler: 'Handler: the controller method that does the work.',
  filter: 'Exception filter: turns an error into the JSON answer.',
};

/**
 * The event that decided the answer: the step where the request stopped, when it stopped on a
 * refusal or a failure (filters only write the answer down). Read from the events themselves, so
 * a step recorded as failing while the request went on is shown as such, not as the decider.
 */
export function deciderIndex(trace: Trace): number {
  let last = -1;
  trace.events.forEach((event, index) => {
    if (event.kind !== 'filter') last = index;
  });
  return last !== -1 && trace.events[last]!.outcome !== 'pass' ? last : -1;
}

/** Kinds of step that a request stopped before reaching (a refused request never meets pipes or the handler). */
function kindsNotReached(trace: Trace, decider: number): TraceStepKind[] {
  const seen = new Set(trace.events.map((event) => event.kind));
  // A request whose handler ran skipped nothing; a route simply may have no pipes or interceptors.
  if (decider === -1 || seen.has('handler')) return [];
  const after = TRACE_STEP_KINDS.slice(TRACE_STEP_KINDS.indexOf(trace.events[decider]!.kind) + 1);
  return after.filter((kind) => kind !== 'filter' && !seen.has(kind));
}

function DetailList({ detail }: { detail: NonNullable<TraceEvent['detail']> }) {
  return (
    <dl className="trace-detail">
      {Object.entries(detail).map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd className="mono">{Array.isArray(value) ? value.join(', ') : String(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

interface TraceFlowProps {
  trace: Trace;
  /** Heading level of the flow's title inside its page. */
  headingLevel?: 2 | 3;
}

/**
 * One request's trace as a vertical flow: each step with its kind, outcome, timing and reason,
 * the deciding step marked, and the steps the request never reached named.
 */
export function TraceFlow({ trace, headingLevel = 3 }: TraceFlowProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const decider = deciderIndex(trace);
  const notReached = kindsNotReached(trace, decider);
  const total = Math.max(
    trace.durationMs,
    ...trace.events.map((event) => event.startMs + event.durationMs),
    0.001,
  );

  return (
    <section
      className="trace"
      aria-label={`Lifecycle of ${trace.method} ${trace.path}`}
      data-trace-id={trace.id}
    >
      <Heading className="trace-title">
        <span className="mono">
          {trace.method} {trace.path}
        </span>{' '}
        <StatusBadge status={trace.status} />{' '}
        <span className="heading-note">in {formatMs(trace.durationMs)}</span>
      </Heading>
      {trace.route && trace.route !== trace.path && (
        <p className="hint">
          Matched the route <span className="mono">{trace.route}</span>.
        </p>
      )}
      {decider !== -1 ? (
        <p className="trace-verdict verdict-refused">
          <strong>Decided by {trace.events[decider]!.step}</strong> ({trace.events[decider]!.kind}):{' '}
          {trace.events[decider]!.reason}
        </p>
      ) : (
        <p className="trace-verdict verdict-passed">
          Every step let the request through
          {trace.status >= 400 ? `; the handler answered ${trace.status}` : ''}.
        </p>
      )}
      <ol className="trace-flow">
        {trace.events.map((event, index) => {
          const outcome = OUTCOME_WORDS[event.outcome];
          const isDecider = index === decider;
          const left = (event.startMs / total) * 100;
          const width = Math.max((event.durationMs / total) * 100, 0.5);
          return (
            <li
              key={`${event.step}-${index}`}
              className={`trace-step outcome-${event.outcome}${isDecider ? ' trace-decider' : ''}`}
              aria-current={isDecider ? 'step' : undefined}
              data-step={event.step}
            >
              <div className="trace-step-head">
                <span className={`kind-badge kind-${event.kind}`} title={KIND_HINTS[event.kind]}>
                  {event.kind}
                </span>
                <span className="step-name mono">{event.step}</span>
                <span className={`outcome outcome-text-${event.outcome}`}>
                  <span aria-hidden="true">{outcome.icon}</span> {outcome.word}
                </span>
                <span className="timing">
                  {formatMs(event.durationMs)}{' '}
                  <span className="hint">at +{formatMs(event.startMs)}</span>
                </span>
              </div>
              {isDecider && <p className="decider-mark">◆ This step decided the answer</p>}
              <p className="trace-reason">{event.reason}</p>
              {event.checks && event.checks.length > 0 && (
                <ul className="trace-checks" aria-label={`Checks by ${event.step}`}>
                  {event.checks.map((check) => {
                    const look = CHECK_LOOKS[String(check.ok) as keyof typeof CHECK_LOOKS];
                    return (
                      <li key={check.name} className={look.className}>
                        <span aria-hidden="true">{look.icon}</span>
                        {check.ok === null ? (
                          <>
                            {' '}
                            <span className="mono">{check.name}</span>{' '}
                            <span className="check-not-run">{look.word}</span> — {check.text}
                          </>
                        ) : (
                          <>
                            <span className="visually-hidden">{look.word}:</span>{' '}
                            <span className="mono">{check.name}</span> {check.text}
                          </>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
              {event.detail && Object.keys(event.detail).length > 0 && (
                <DetailList detail={event.detail} />
              )}
              <div className="timing-track" aria-hidden="true">
                <div
                  className="timing-bar"
                  style={{
                    marginLeft: `${Math.min(left, 99.5)}%`,
                    width: `${Math.min(width, 100 - Math.min(left, 99.5))}%`,
                  }}
                />
              </div>
            </li>
          );
        })}
      </ol>
      {notReached.length > 0 && (
        <p className="trace-not-reached">
          Never reached: {notReached.join(', ')} — the request was turned away before{' '}
          {notReached.length === 1 ? 'it' : 'them'}.
        </p>
      )}
      {trace.setCookies && trace.setCookies.length > 0 && (
        <p className="hint">
          The response set {trace.setCookies.length === 1 ? 'a cookie' : 'cookies'}:{' '}
          {trace.setCookies.map((cookie) => (
            <span key={cookie.name} className="mono">
              {cookie.name}{' '}
            </span>
          ))}
          (values never enter a trace).
        </p>
      )}
    </section>
  );
}
