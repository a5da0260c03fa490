import type { Trace, TraceEvent } from '../trace.js';
import { TRACE_FACTS, tokenClaimFact, tokenHeaderFact } from '../trace-facts.js';
import type { FactMatcher, LessonCheck, LinkingFact, RequestMatch } from './lesson.schema.js';

/** Everything a check can look at: the playground's state and the learner's own traces. */
export interface LessonState {
  token?: { header: Record<string, unknown>; claims: Record<string, unknown> };
  /** The inspector's last successful signature check of the current token, if any. */
  verifiedWith?: 'secret' | 'pem' | 'jwks';
  cookieMode: boolean;
  /** The learner's traces, any order. */
  traces: readonly Trace[];
}

/** "/api/articles/:id" matches "/api/articles/7"; a plain path matches itself. */
export function pathMatches(pattern: string, path: string, route?: string): boolean {
  if (route === pattern) return true;
  const want = pattern.split('/');
  const got = path.split('/');
  return (
    want.length === got.length &&
    want.every((part, index) => (part.startsWith(':') ? got[index] !== '' : part === got[index]))
  );
}

/**
 * A recorded fact equals the wanted value, or is a list holding it (requiredRoles: ["admin"]
 * matches "admin"); `{ not: x }` wants a fact that was recorded and is not x; `{ present }` asks
 * only whether one was recorded.
 */
function detailMatches(recorded: unknown, wanted: FactMatcher): boolean {
  const isRecorded = recorded !== undefined && recorded !== null;
  if (typeof wanted === 'object' && 'present' in wanted) return isRecorded === wanted.present;
  if (typeof wanted === 'object') {
    if (recorded === undefined || recorded === null) return false;
    return Array.isArray(recorded) ? !recorded.includes(wanted.not) : recorded !== wanted.not;
  }
  return Array.isArray(recorded) ? recorded.includes(wanted) : recorded === wanted;
}

function factsMatch(
  detail: TraceEvent['detail'],
  wanted: Record<string, FactMatcher> | undefined,
  name: (key: string) => string = (key) => key,
): boolean {
  return (
    wanted === undefined ||
    Object.entries(wanted).every(([key, value]) => detailMatches(detail?.[name(key)], value))
  );
}

type EventMatch = NonNullable<RequestMatch['event']>;

function eventMatches(wanted: EventMatch, event: TraceEvent): boolean {
  return (
    (wanted.step === undefined || event.step === wanted.step) &&
    (wanted.kind === undefined || event.kind === wanted.kind) &&
    (wanted.outcome === undefined || event.outcome === wanted.outcome) &&
    // ok: null is a check that never ran: it is neither passed nor failed.
    (wanted.check === undefined ||
      (event.checks ?? []).some(
        (check) => check.name === wanted.check!.name && check.ok === wanted.check!.ok,
      )) &&
    factsMatch(event.detail, wanted.detail) &&
    (wanted.token === undefined ||
      (factsMatch(event.detail, wanted.token.header, tokenHeaderFact) &&
        factsMatch(event.detail, wanted.token.claims, tokenClaimFact) &&
        (wanted.token.issued === undefined ||
          event.detail?.[TRACE_FACTS.tokenIssued] === wanted.token.issued)))
  );
}

export function traceMatches(match: RequestMatch, trace: Trace): boolean {
  if (match.method && trace.method !== match.method) return false;
  if (match.path && !pathMatches(match.path, trace.path, trace.route)) return false;
  if (
    match.status !== undefined &&
    !(Array.isArray(match.status) ? match.status : [match.status]).includes(trace.status)
  )
    return false;
  if (match.decidedBy !== undefined && (trace.decidedBy?.step ?? 'none') !== match.decidedBy)
    return false;
  if (match.setsCookie && !trace.setCookies?.some((cookie) => cookie.name === match.setsCookie))
    return false;
  if (match.event && !trace.events.some((event) => eventMatches(match.event!, event))) return false;
  return true;
}

function fieldMatches(
  fields: Record<string, unknown> | undefined,
  name: string,
  check: { equals?: unknown; present?: boolean },
): boolean {
  if (!fields) return false;
  const has = Object.hasOwn(fields, name);
  if (check.present !== undefined && has !== check.present) return false;
  if (check.equals !== undefined) return has && fields[name] === check.equals;
  return check.present !== undefined || has;
}

/** The token fingerprint or session family a trace recorded, if any. */
export function linkingValue(trace: Trace, by: LinkingFact): string | undefined {
  for (const event of trace.events) {
    const value = event.detail?.[by];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/**
 * Some value of `by` (one token, one session family) for which every request match is met by a
 * different trace carrying that value — in the listed order when `ordered`.
 */
function linkedRequestsMet(
  matches: readonly RequestMatch[],
  by: LinkingFact,
  ordered: boolean,
  traces: readonly Trace[],
): boolean {
  const groups = new Map<string, Trace[]>();
  for (const trace of traces) {
    const value = linkingValue(trace, by);
    if (value !== undefined) groups.set(value, [...(groups.get(value) ?? []), trace]);
  }
  const assign = (index: number, used: readonly Trace[], group: readonly Trace[]): boolean => {
    if (index === matches.length) return true;
    const previous = used.at(-1);
    return group.some(
      (trace) =>
        !used.includes(trace) &&
        (!ordered || previous === undefined || trace.startedAt >= previous.startedAt) &&
        traceMatches(matches[index]!, trace) &&
        assign(index + 1, [...used, trace], group),
    );
  };
  return [...groups.values()].some((group) => assign(0, [], group));
}

/**
 * The traces a lesson's checks look at: the learner's, without those made before the lesson
 * was opened (its baseline, by trace id), so nothing done earlier ticks a step.
 */
export function tracesSinceBaseline(
  traces: readonly Trace[],
  baseline: ReadonlySet<string> | undefined,
): Trace[] {
  return baseline ? traces.filter((trace) => !baseline.has(trace.id)) : [];
}

/** Whether a step's check is met by the current state. Pure: the same state gives the same answer. */
export function evaluateCheck(check: LessonCheck, state: LessonState): boolean {
  switch (check.type) {
    case 'token-claim':
      return fieldMatches(state.token?.claims, check.claim, check);
    case 'token-header':
      return fieldMatches(state.token?.header, check.field, check);
    case 'request':
      return (
        state.traces.filter((trace) => traceMatches(check.match, trace)).length >=
        (check.times ?? 1)
      );
    case 'signature-verified':
      return (
        state.verifiedWith !== undefined &&
        (check.keyKind === undefined || state.verifiedWith === check.keyKind)
      );
    case 'cookie-mode':
      return state.cookieMode === check.on;
    case 'linked-requests':
      return linkedRequestsMet(check.requests, check.by, check.ordered ?? false, state.traces);
    case 'all':
      return check.checks.every((inner) => evaluateCheck(inner, state));
  }
}
