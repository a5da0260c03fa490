import { useQuery } from '@tanstack/react-query';
import type { UserProfile } from '@authlab/shared';
import { apiRequest } from '../../../lib/api-client';
import type { PlaygroundSession } from '../../../lib/session-store';

export function getMe(token: string | undefined, signal?: AbortSignal): Promise<UserProfile> {
  return apiRequest<UserProfile>('/api/auth/me', { token, signal, background: true });
}

/** The caller as the API sees them: through the bearer token, or through the cookie the browser sends. */
export function useMe(session: PlaygroundSession | null) {
  return useQuery({
    queryKey: [
      'me',
      session?.username ?? null,
      session?.delivery ?? null,
      session?.accessToken ?? null,
      // Asked again once the session has ended, so the answer shown is the API's current one.
      session?.ended ?? null,
    ],
    queryFn: ({ signal }) => getMe(session?.accessToken, signal),
    enabled: session !== null,
    retry: false,
  });
}
