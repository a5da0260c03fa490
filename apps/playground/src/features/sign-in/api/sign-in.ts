import type { CookieSessionResponse, SignInRequest, TokenResponse } from '@authlab/shared';
import { apiRequestWithTrace } from '../../../lib/api-client';
import { COOKIE_MODE } from '../../../lib/cookie-mode';
import type { TokenDelivery } from '../../../lib/session-store';

export type SignInResponse = TokenResponse | CookieSessionResponse;

export function signIn(credentials: SignInRequest, delivery: TokenDelivery, signal?: AbortSignal) {
  const path = delivery === 'cookie' ? COOKIE_MODE.signInPath : '/api/auth/signin';
  return apiRequestWithTrace<SignInResponse>(path, { method: 'POST', body: credentials, signal });
}
