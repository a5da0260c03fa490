import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { Trace } from '@authlab/shared';
import { ApiError, apiRequest } from '../../../lib/api-client';
import { playgroundSessionId } from '../../../lib/playground-session';

/** As many traces as the API hands out at once. */
export const LEARNER_TRACE_LIMIT = 200;
/** Kept in the page: more than one load, so a long lesson does not forget its first requests. */
export const LEARNER_TRACES_KEPT = LEARNER_TRACE_LIMIT * 2;

export function learnerTracesKey() {
  return ['traces', 'learner', playgroundSessionId()] as const;
}

/**
 * This browser's requests. Sent with the current token, if any: the API files a signed-in
 * request under the playground session its sign-in was made from, and shows it only to that
 * token's owner, while the session id alone shows only anonymous requests. The owner filter keeps
 * to this session, never classmates signed in as the same demo user. A token that was signed out
 * or has expired reads nothing (401); then the session's anonymous requests are still read.
 */
export async function getLearnerTraces(
  token: string | undefined,
  signal?: AbortSignal,
): Promise<Trace[]> {
  const path = `/api/traces?limit=${LEARNER_TRACE_LIMIT}`;
  let traces: Trace[];
  try {
    traces = await apiRequest<Trace[]>(path, { signal, ...(token === undefined ? {} : { token }) });
  } catch (error) {
    if (token === undefined || !(error instanceof ApiError) || error.statusCode !== 401)
      throw error;
    traces = await apiRequest<Trace[]>(path, { signal });
  }
  const session = playgroundSessionId();
  return traces.filter((trace) => trace.owner.session === session);
}

/** New and known traces together, once each: a reload never drops what the live stream brought. */
export function mergeTraces(fresh: readonly Trace[], known: readonly Trace[]): Trace[] {
  const ids = new Set(fresh.map((trace) => trace.id));
  return [...fresh, ...known.filter((trace) => !ids.has(trace.id))].slice(0, LEARNER_TRACES_KEPT);
}

/** `token`: the playground's current token, if JavaScript may see one (cookie mode sends its own). */
export function useLearnerTraces(token: string | undefined) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: learnerTracesKey(),
    queryFn: async ({ signal }) =>
      mergeTraces(
        await getLearnerTraces(token, signal),
        queryClient.getQueryData<Trace[]>(learnerTracesKey()) ?? [],
      ),
    retry: false,
  });
}
