import { useQuery } from '@tanstack/react-query';
import type { HealthResponse } from '@authlab/shared';
import { apiRequest } from '../../../lib/api-client';

export function getHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return apiRequest<HealthResponse>('/api/health', { signal, background: true });
}

export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => getHealth(signal),
    retry: false,
  });
}
