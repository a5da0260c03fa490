import { useMutation } from '@tanstack/react-query';
import { apiRequestRaw, type HttpMethod, type RawResponse } from '../../../lib/api-client';
import { demoTokenFor } from '../../../lib/demo-tokens';

export type Credential = { kind: 'none' } | { kind: 'bearer'; username: string } | { kind: 'cookie' };

export interface BuiltRequest {
  method: HttpMethod;
  path: string;
  credential: Credential;
  /** JSON text; sent only for methods that carry a body. */
  bodyText: string;
}

export interface SentRequest {
  response: RawResponse;
  /** The bearer token that went out, if any (the trace is fetched with it). */
  token?: string;
}

export const METHODS_WITH_BODY: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH'];

export async function sendBuiltRequest(request: BuiltRequest): Promise<SentRequest> {
  const hasBody = METHODS_WITH_BODY.includes(request.method) && request.bodyText.trim() !== '';
  let body: unknown;
  if (hasBody) {
    try {
      body = JSON.parse(request.bodyText);
    } catch {
      throw new Error('The body is not valid JSON.');
    }
  }
  const token = request.credential.kind === 'bearer' ? await demoTokenFor(request.credential.username) : undefined;
  const response = await apiRequestRaw(request.path, {
    method: request.method,
    ...(token === undefined ? {} : { token }),
    ...(hasBody ? { body } : {}),
  });
  return token === undefined ? { response } : { response, token };
}

export function useSendRequest() {
  return useMutation({ mutationFn: sendBuiltRequest });
}
