import { useQuery } from '@tanstack/react-query';
import type { ClockResponse } from '@authlab/shared';
import { apiRequest } from '../api-client';

export const CLOCK_KEY = ['clock'] as const;

export function getClock(signal?: AbortSignal): Promise<ClockResponse> {
  return apiRequest<ClockResponse>('/api/clock', { signal, background: true });
}

/** The API's clock: polled lightly, and refreshed by whoever moves it (the presenter view). */
export function useClock() {
  return useQuery({
    queryKey: CLOCK_KEY,
    queryFn: ({ signal }) => getClock(signal),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
    retry: false,
  });
}
