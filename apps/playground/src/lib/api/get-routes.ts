import { useQuery } from '@tanstack/react-query';
import type { RouteMetadataResponse } from '@authlab/shared';
import { apiRequest } from '../api-client';

export function getRoutes(signal?: AbortSignal): Promise<RouteMetadataResponse> {
  return apiRequest<RouteMetadataResponse>('/api/meta/routes', { signal, background: true });
}

/** The API's routes as its decorators declare them: read once, they change only with a deploy. */
export function useRoutes() {
  return useQuery({
    queryKey: ['meta', 'routes'],
    queryFn: ({ signal }) => getRoutes(signal),
    staleTime: Infinity,
    retry: false,
  });
}
