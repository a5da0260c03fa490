import { useQuery } from '@tanstack/react-query';
import type { Trace } from '@authlab/shared';
import { ApiError, apiRequest } from '../api-client';

export function getTrace(id: string, token?: string, signal?: AbortSignal): Promise<Trace> {
  return apiRequest<Trace>(`/api/traces/${encodeURIComponent(id)}`, { token, signal });
}

/**
 * One trace by id. The API stores a trace once its response has been sent, which can be a
 * moment after the client reads it: a 404 is retried a few times before it counts.
 */
export function useTrace(id: string | undefined, token?: string) {
  return useQuery({
    queryKey: ['trace', id, token ?? null],
    queryFn: ({ signal }) => getTrace(id!, token, signal),
    enabled: id !== undefined,
    staleTime: Infinity,
    retry: (failures, error) =>
      error instanceof ApiError && error.statusCode === 404 && failures < 4,
    retryDelay: (attempt) => 100 * 2 ** attempt,
  });
}
