import { useQuery } from '@tanstack/react-query';
import type { OAuthGrantView } from '@authlab/shared';
import { apiRequest } from '../../../lib/api-client';
import type { PlaygroundSession } from '../../../lib/session-store';

export function getGrants(
  token: string | undefined,
  signal?: AbortSignal,
): Promise<OAuthGrantView[]> {
  return apiRequest<OAuthGrantView[]>('/api/oauth/grants', { token, signal, background: true });
}

/** The applications the signed-in user has allowed to act for them. */
export function useGrants(session: PlaygroundSession) {
  return useQuery({
    queryKey: [
      'oauth-grants',
      session.username,
      session.accessToken ?? null,
      session.ended ?? null,
    ],
    queryFn: ({ signal }) => getGrants(session.accessToken, signal),
    retry: false,
  });
}
