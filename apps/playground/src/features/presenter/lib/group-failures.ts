import { failureCategory, type Trace } from '@authlab/shared';

/** API requests the playground makes by itself to draw its pages. */
const PLAYGROUND_PLUMBING = [
  /^\/api\/traces(\/|$)/,
  /^\/api\/clock$/,
  /^\/api\/health$/,
  /^\/api\/meta\/routes$/,
  /^\/api\/lab$/,
];

/**
 * Page loads (the playground's files), the playground's own polling, and every call it marks as
 * its own (Trace.background: "Who am I?" after a token expired, a session check, the matrix's demo
 * sign-ins): not what the class is doing.
 */
export function isPlaygroundPlumbing(trace: Trace): boolean {
  if (trace.background) return true;
  if (!/^\/(api|\.well-known)\//.test(trace.path)) return true;
  return trace.method === 'GET' && PLAYGROUND_PLUMBING.some((pattern) => pattern.test(trace.path));
}

export interface FailureGroup {
  category: string;
  count: number;
}

/** Failed requests counted by why they failed, most frequent first. No names: only the reason. */
export function groupFailures(traces: readonly Trace[]): FailureGroup[] {
  const counts = new Map<string, number>();
  for (const trace of traces) {
    const category = failureCategory(trace);
    if (category) counts.set(category, (counts.get(category) ?? 0) + 1);
  }
  return [...counts]
    .map(([category, count]) => ({ category, count }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
}

/** "9 requests: audience mismatch". */
export function groupLine({ category, count }: FailureGroup): string {
  return `${count} ${count === 1 ? 'request' : 'requests'}: ${category}`;
}
