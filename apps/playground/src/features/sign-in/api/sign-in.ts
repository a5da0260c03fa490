import type { SignInRequest, TokenResponse } from '@authlab/shared';
import { apiRequest } from '../../../lib/api-client';

export function signIn(credentials: SignInRequest, signal?: AbortSignal): Promise<TokenResponse> {
  return apiRequest<TokenResponse>('/api/auth/signin', { method: 'POST', body: credentials, signal });
}
