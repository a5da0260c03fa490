import { useQuery } from '@tanstack/react-query';
import type { Trace } from '@authlab/shared';
import { apiRequest } from '../../../lib/api-client';

export const CLASS_TRACE_LIMIT = 200;

/** One list for the view's lifetime: a renewed admin token goes on adding to it. */
export const CLASS_TRACES_KEY = ['traces', 'class'] as const;

/** As an admin: the newest requests of everyone using this API. */
export function getClassTraces(token: string | undefined, signal?: AbortSignal): Promise<Trace[]> {
  return apiRequest<Trace[]>(`/api/traces?limit=${CLASS_TRACE_LIMIT}`, { token, signal });
}

export function useClassTraces(token: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: CLASS_TRACES_KEY,
    queryFn: ({ signal }) => getClassTraces(token, signal),
    enabled,
    retry: false,
    staleTime: Infinity,
  });
}
