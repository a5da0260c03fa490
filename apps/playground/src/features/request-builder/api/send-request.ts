import { useMutation } from '@tanstack/react-query';
import { apiRequestRaw, type HttpMethod, type RawResponse } from '../../../lib/api-client';
import { demoTokenFor } from '../../../lib/demo-tokens';

export type Credential =
  | { kind: 'none' }
  | { kind: 'bearer'; username: string }
  /** A token the playground holds (the current token), sent as `Authorization: Bearer <token>`. */
  | { kind: 'token'; token: string }
  /** The Authorization header exactly as the learner wrote it, malformed or not. */
  | { kind: 'header'; authorization: string }
  /** HTTP Basic (RFC 7617): a username or client id and a password or client secret. */
  | { kind: 'basic'; username: string; password: string }
  /** The browser's cookies; `csrf: false` leaves out the X-CSRF-Token header, as an attacker's page would. */
  | { kind: 'cookie'; csrf?: boolean };

/** What the body is declared to be; "none" sends it with no Content-Type at all. */
export type BodyType =
  'application/json' | 'application/x-www-form-urlencoded' | 'text/plain' | 'none';

export interface BuiltRequest {
  method: HttpMethod;
  path: string;
  credential: Credential;
  /** Sent exactly as typed (only for methods that carry a body): a broken body is a lesson too. */
  bodyText: string;
  bodyType?: BodyType;
}

export interface SentRequest {
  response: RawResponse;
  /** The bearer token that went out, if any (the trace is fetched with it). */
  token?: string;
}

export const METHODS_WITH_BODY: readonly HttpMethod[] = ['POST', 'PUT', 'PATCH'];

/** Whether `text` parses as JSON: the builder warns, but sends it anyway to show which step refuses it. */
export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** `Basic base64(username:password)`, the password's UTF-8 bytes included (RFC 7617 §2.1). */
export function basicAuthorization(username: string, password: string): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  return `Basic ${btoa(String.fromCharCode(...bytes))}`;
}

async function tokenFor(credential: Credential): Promise<string | undefined> {
  if (credential.kind === 'bearer') return demoTokenFor(credential.username);
  return credential.kind === 'token' ? credential.token : undefined;
}

export async function sendBuiltRequest(request: BuiltRequest): Promise<SentRequest> {
  const hasBody = METHODS_WITH_BODY.includes(request.method) && request.bodyText.trim() !== '';
  const bodyType = request.bodyType ?? 'application/json';
  const token = await tokenFor(request.credential);
  const headers: Record<string, string> = {};
  if (hasBody && bodyType !== 'none') headers['Content-Type'] = bodyType;
  if (request.credential.kind === 'header')
    headers.Authorization = request.credential.authorization;
  if (request.credential.kind === 'basic')
    headers.Authorization = basicAuthorization(
      request.credential.username,
      request.credential.password,
    );
  const response = await apiRequestRaw(request.path, {
    method: request.method,
    ...(token === undefined ? {} : { token }),
    ...(hasBody ? { rawBody: request.bodyText } : {}),
    ...(request.credential.kind === 'cookie' && request.credential.csrf === false
      ? { csrf: false }
      : {}),
    // Only "Token travels in: Cookie" lets the browser add its cookies: "nobody" must send
    // nothing at all, and a header next to a cookie is refused (400).
    cookies: request.credential.kind === 'cookie',
    headers,
  });
  return token === undefined ? { response } : { response, token };
}

export function useSendRequest() {
  return useMutation({ mutationFn: sendBuiltRequest });
}
