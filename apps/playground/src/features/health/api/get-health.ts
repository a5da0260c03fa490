import type { HealthResponse } from '@authlab/shared';
import { apiRequest } from '../../../lib/api-client';
import { useQuery } from '../../../lib/use-query';

export function getHealth(signal?: AbortSignal): Promise<HealthResponse> {
  return apiRequest<HealthResponse>('/api/health', { signal });
}

export function useHealth() {
  return useQuery('health', getHealth);
}
