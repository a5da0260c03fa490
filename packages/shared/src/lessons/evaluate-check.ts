import type { Trace } from '../trace.js';
import type { LessonCheck, RequestMatch } from './lesson.schema.js';

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

/** A recorded fact equals the wanted value, or is a list holding it (requiredRoles: ["admin"] matches "admin"). */
function detailMatches(recorded: unknown, wanted: string | number | boolean): boolean {
  return Array.isArray(recorded) ? recorded.includes(wanted) : recorded === wanted;
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
  if (match.event) {
    const wanted = match.event;
    const found = trace.events.some(
      (event) =>
        (wanted.step === undefined || event.step === wanted.step) &&
        (wanted.kind === undefined || event.kind === wanted.kind) &&
        (wanted.outcome === undefined || event.outcome === wanted.outcome) &&
        (wanted.check === undefined ||
          (event.checks ?? []).some(
            (check) => check.name === wanted.check!.name && check.ok === wanted.check!.ok,
          )) &&
        (wanted.detail === undefined ||
          Object.entries(wanted.detail).every(([key, value]) =>
            detailMatches(event.detail?.[key], value),
          )),
    );
    if (!found) return false;
  }
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
    case 'all':
      return check.checks.every((inner) => evaluateCheck(inner, state));
  }
}
