import { useQuery } from '@tanstack/react-query';
import type { Trace } from '@authlab/shared';
import { ApiError, apiRequest } from '../api-client';

/**
 * Read with the token the request was sent with: the playground session alone shows only
 * anonymous requests. A token the API refused made an anonymous request, and reads nothing
 * itself (401): that trace is read with the session alone.
 */
export async function getTrace(id: string, token?: string, signal?: AbortSignal): Promise<Trace> {
  const path = `/api/traces/${encodeURIComponent(id)}`;
  try {
    return await apiRequest<Trace>(path, { token, signal });
  } catch (error) {
    if (token === undefined || !(error instanceof ApiError) || error.statusCode !== 401)
      throw error;
    return apiRequest<Trace>(path, { signal });
  }
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
