import { useMutation } from '@tanstack/react-query';
import { apiRequestRaw, type HttpMethod } from '../../../lib/api-client';

export interface TokenProbe {
  method: HttpMethod;
  path: string;
  body?: unknown;
}

export const TOKEN_PROBES: readonly TokenProbe[] = [
  { method: 'GET', path: '/api/auth/me' },
  { method: 'GET', path: '/api/articles' },
  {
    method: 'POST',
    path: '/api/articles',
    body: { title: 'Written with an edited token', body: 'Did the API believe it?' },
  },
  { method: 'GET', path: '/api/users' },
];

/** Sends one request with exactly this token in the Authorization header, whatever it holds. */
export function sendWithToken(token: string, probe: TokenProbe) {
  return apiRequestRaw(probe.path, {
    method: probe.method,
    token,
    ...(probe.body === undefined ? {} : { body: probe.body }),
  });
}

export function useSendWithToken() {
  return useMutation({
    mutationFn: ({ token, probe }: { token: string; probe: TokenProbe }) =>
      sendWithToken(token, probe),
  });
}
