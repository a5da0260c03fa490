import type {
  CookieSessionResponse,
  SignInRequest,
  TokenDelivery,
  TokenResponse,
  UserView,
} from '@authlab/shared';
import { apiRequestWithTrace, type ApiRequestOptions } from './api-client';
import { COOKIE_MODE } from './cookie-mode';
import type { PlaygroundSession } from './session-store';

export type SignInResponse = TokenResponse | CookieSessionResponse;

/**
 * The playground's one sign-in: the learner's buttons, the presenter renewing its admin and the
 * demo tokens behind "send as <role>" all go through it. The token comes back in the body, or
 * (delivery "cookie") only in HttpOnly cookies.
 */
export function signIn<D extends TokenDelivery>(
  credentials: SignInRequest,
  delivery: D,
  options: Pick<ApiRequestOptions, 'signal' | 'background' | 'cookies'> = {},
) {
  const path = delivery === 'cookie' ? COOKIE_MODE.signInPath : '/api/auth/signin';
  return apiRequestWithTrace<D extends 'cookie' ? CookieSessionResponse : TokenResponse>(path, {
    method: 'POST',
    body: credentials,
    ...options,
  });
}

/** What a sign-in, sign-up or refresh answer says about the session it started. */
export interface SessionAnswer {
  user: Pick<UserView, 'username' | 'role'>;
  accessToken?: string;
  expiresIn: number;
}

/**
 * The one mapping from an API answer to the playground's session. `receivedAt` (ms) dates the
 * expiry; without it the session's expiry is only known as a lifetime.
 */
export function sessionFromAnswer(
  answer: SessionAnswer,
  delivery: TokenDelivery,
  { traceId, receivedAt }: { traceId?: string | undefined; receivedAt?: number } = {},
): PlaygroundSession {
  return {
    username: answer.user.username,
    role: answer.user.role,
    delivery,
    expiresIn: answer.expiresIn,
    ...(receivedAt !== undefined && answer.expiresIn > 0
      ? { expiresAt: receivedAt + answer.expiresIn * 1000 }
      : {}),
    ...(answer.accessToken ? { accessToken: answer.accessToken } : {}),
    ...(traceId ? { signInTraceId: traceId } : {}),
  };
}
