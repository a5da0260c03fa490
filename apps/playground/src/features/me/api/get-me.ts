import type { UserProfile } from '@authlab/shared';
import { apiRequest } from '../../../lib/api-client';
import { useQuery } from '../../../lib/use-query';

export function getMe(token: string, signal?: AbortSignal): Promise<UserProfile> {
  return apiRequest<UserProfile>('/api/auth/me', { token, signal });
}

/** The caller as the API sees them through `token`; loads nothing without a token. */
export function useMe(token: string | null) {
  return useQuery(token, (signal) => getMe(token ?? '', signal));
}
