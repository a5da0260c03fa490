import { useQuery } from '@tanstack/react-query';
import type { Trace } from '@authlab/shared';
import { apiRequest } from '../../../lib/api-client';

export const RECENT_LIMIT = 30;

export function getRecentTraces(token: string | undefined, signal?: AbortSignal): Promise<Trace[]> {
  return apiRequest<Trace[] | { traces: Trace[] }>(`/api/traces?limit=${RECENT_LIMIT}`, {
    token,
    signal,
  }).then((body) => (Array.isArray(body) ? body : body.traces));
}

export function recentTracesKey(token: string | undefined) {
  return ['traces', 'recent', token ?? null] as const;
}

/** The newest traces this caller may see (their own, their session's; all of them for an admin). */
export function useRecentTraces(token: string | undefined) {
  return useQuery({
    queryKey: recentTracesKey(token),
    queryFn: ({ signal }) => getRecentTraces(token, signal),
    retry: false,
  });
}
