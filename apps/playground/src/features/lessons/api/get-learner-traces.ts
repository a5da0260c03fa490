import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Trace } from '@authlab/shared';
import { apiRequest } from '../../../lib/api-client';
import { playgroundSessionId } from '../../../lib/playground-session';

/** As many traces as the API hands out at once. */
export const LEARNER_TRACE_LIMIT = 200;
/** Kept in the page: more than one load, so a long lesson does not forget its first requests. */
export const LEARNER_TRACES_KEPT = LEARNER_TRACE_LIMIT * 2;

export function learnerTracesKey() {
  return ['traces', 'learner', playgroundSessionId()] as const;
}

/**
 * This browser's requests. Sent with no token: the session header shows the learner's own
 * requests, never those of classmates signed in as the same demo user. (A cookie may still
 * authenticate it; the owner filter keeps to this session either way.)
 */
export async function getLearnerTraces(signal?: AbortSignal): Promise<Trace[]> {
  const traces = await apiRequest<Trace[]>(`/api/traces?limit=${LEARNER_TRACE_LIMIT}`, { signal });
  const session = playgroundSessionId();
  return traces.filter((trace) => trace.owner.session === session);
}

/** New and known traces together, once each: a reload never drops what the live stream brought. */
export function mergeTraces(fresh: readonly Trace[], known: readonly Trace[]): Trace[] {
  const ids = new Set(fresh.map((trace) => trace.id));
  return [...fresh, ...known.filter((trace) => !ids.has(trace.id))].slice(0, LEARNER_TRACES_KEPT);
}

export function useLearnerTraces() {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: learnerTracesKey(),
    queryFn: async ({ signal }) =>
      mergeTraces(
        await getLearnerTraces(signal),
        queryClient.getQueryData<Trace[]>(learnerTracesKey()) ?? [],
      ),
    retry: false,
  });
}
