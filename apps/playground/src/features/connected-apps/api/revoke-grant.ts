import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../../lib/api-client';
import type { PlaygroundSession } from '../../../lib/session-store';

/** Takes a grant back: the application's tokens for this user stop working at once. */
export function useRevokeGrant(session: PlaygroundSession) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (clientId: string) =>
      apiRequest<void>(`/api/oauth/grants/${encodeURIComponent(clientId)}`, {
        method: 'DELETE',
        token: session.accessToken,
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['oauth-grants'] }),
  });
}
