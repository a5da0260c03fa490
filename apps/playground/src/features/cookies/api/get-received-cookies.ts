import { useQuery } from '@tanstack/react-query';
import type { CookieEchoResponse } from '@authlab/shared';
import { apiRequest } from '../../../lib/api-client';
import { COOKIE_MODE } from '../../../lib/cookie-mode';

export function getReceivedCookies(signal?: AbortSignal): Promise<CookieEchoResponse> {
  return apiRequest<CookieEchoResponse>(COOKIE_MODE.echoPath, { signal, background: true });
}

/** Asks the API which cookies reached it with this very request. */
export function useReceivedCookies(refreshKey: string) {
  return useQuery({
    queryKey: ['cookies', 'received', refreshKey],
    queryFn: ({ signal }) => getReceivedCookies(signal),
    retry: false,
  });
}
