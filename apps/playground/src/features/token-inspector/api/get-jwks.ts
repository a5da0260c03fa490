import { useQuery } from '@tanstack/react-query';
import type { JsonWebKeySet } from '@authlab/shared';
import { apiRequest } from '../../../lib/api-client';

export function getJwks(signal?: AbortSignal): Promise<JsonWebKeySet> {
  return apiRequest<JsonWebKeySet>('/.well-known/jwks.json', { signal });
}

/** The API's public key set; loaded only when the learner picks it as the key source. */
export function useJwks(enabled: boolean) {
  return useQuery({
    queryKey: ['jwks'],
    queryFn: ({ signal }) => getJwks(signal),
    enabled,
    retry: false,
  });
}
