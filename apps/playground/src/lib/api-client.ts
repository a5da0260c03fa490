import {
  PLAYGROUND_BACKGROUND_HEADER,
  PLAYGROUND_SESSION_HEADER,
  type ErrorBody,
  type FieldIssue,
} from '@authlab/shared';
import { csrfHeaderFor } from './csrf';
import { playgroundSessionId } from './playground-session';
import { sessionStore } from './session-store';
import { noteAnswer } from './session-truth';

/** An error the API answered with, in its one JSON shape (or as close to it as the response allows). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly statusCode: number,
    /** The HTTP reason phrase, e.g. "Unauthorized". */
    readonly error: string,
    message: string,
    /** The id of the request's trace, when the API sent one. */
    readonly traceId: string | undefined,
    readonly details: readonly FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** The API could not be reached at all (not running, proxy down, offline). */
export class NetworkError extends Error {
  override readonly name = 'NetworkError';
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequestOptions {
  method?: HttpMethod;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent exactly as typed, with whatever Content-Type `headers` gives (or none): broken bodies are lessons too. */
  rawBody?: string;
  /** false: leave out the double-submit CSRF header, as a forged cross-site request would. */
  csrf?: boolean;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Extra request headers (query strings go in the path). */
  headers?: Record<string, string>;
  /**
   * Whether the browser may add this site's cookies. By default only a request without a bearer
   * token carries them: a token in the header and a cookie at once is refused (400), and a
   * request sent as someone else must not carry the signed-in learner's cookie.
   */
  cookies?: boolean;
  /**
   * The playground calls for itself (health, clock, routes, "Who am I?"…), not for the learner:
   * the trace says so, and the lifecycle list hides it until asked.
   */
  background?: boolean;
  signal?: AbortSignal;
}

/** A response as it arrived, whatever its status: what the request builder and the matrix show. */
export interface RawResponse {
  status: number;
  statusText: string;
  headers: [string, string][];
  /** Parsed JSON when the body is JSON, else the text, else undefined for an empty body. */
  body: unknown;
  traceId: string | undefined;
  durationMs: number;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return (
    typeof body.statusCode === 'number' &&
    typeof body.error === 'string' &&
    typeof body.message === 'string'
  );
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function toApiError(response: Response, body: unknown): ApiError {
  const headerTraceId = response.headers.get('X-Trace-Id') ?? undefined;
  if (isErrorBody(body)) {
    const traceId = typeof body.traceId === 'string' ? body.traceId : headerTraceId;
    return new ApiError(body.statusCode, body.error, body.message, traceId, body.details ?? []);
  }
  // Not the API's shape: typically a proxy or dev-server page when the API is down.
  const reason = response.statusText || 'Error';
  return new ApiError(
    response.status,
    reason,
    `The server answered ${response.status} ${reason} without the API's error body.`,
    headerTraceId,
  );
}

/** The headers every request of the playground carries, plus the caller's own. */
export function requestHeaders(options: ApiRequestOptions): Headers {
  const headers = new Headers({ Accept: 'application/json' });
  headers.set(PLAYGROUND_SESSION_HEADER, playgroundSessionId());
  if (options.background) headers.set(PLAYGROUND_BACKGROUND_HEADER, '1');
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (options.token !== undefined) headers.set('Authorization', `Bearer ${options.token}`);
  // A cookie-authenticated change needs the double-submit CSRF header; harmless otherwise.
  const method = options.method ?? 'GET';
  if (
    method !== 'GET' &&
    options.token === undefined &&
    options.cookies !== false &&
    options.csrf !== false
  ) {
    const csrf = csrfHeaderFor();
    if (csrf) headers.set(csrf.name, csrf.value);
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  return headers;
}

/** A raw body as typed; as bytes when no Content-Type is given, since fetch labels a string text/plain by itself. */
function rawBodyOf(options: ApiRequestOptions): BodyInit | undefined {
  if (options.rawBody === undefined) return undefined;
  const typed = Object.keys(options.headers ?? {}).some(
    (name) => name.toLowerCase() === 'content-type',
  );
  return typed ? options.rawBody : new TextEncoder().encode(options.rawBody);
}

async function send(path: string, options: ApiRequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const cookies = options.cookies ?? options.token === undefined;
  const session = sessionStore.get();
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: requestHeaders(options),
      body:
        rawBodyOf(options) ?? (options.body === undefined ? null : JSON.stringify(options.body)),
      // Same origin: the browser sends the API's cookies (cookie mode) and nothing else; "omit": none at all.
      credentials: cookies ? 'same-origin' : 'omit',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new NetworkError('The API could not be reached. Is it running?', { cause: error });
  }
  noteAnswer(
    { method, path, token: options.token, cookies },
    response.status,
    response.headers.get('WWW-Authenticate'),
    session,
  );
  return response;
}

/** Calls the authlab API on this origin and returns its JSON body, or throws ApiError / NetworkError. */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  const body = await readBody(response);
  if (!response.ok) throw toApiError(response, body);
  return body as T;
}

/** Like apiRequest, with the trace id of the request alongside the body. */
export async function apiRequestWithTrace<T>(
  path: string,
  options: ApiRequestOptions = {},
): Promise<{ data: T; traceId: string | undefined }> {
  const response = await send(path, options);
  const body = await readBody(response);
  if (!response.ok) throw toApiError(response, body);
  return { data: body as T, traceId: response.headers.get('X-Trace-Id') ?? undefined };
}

/** Calls the API and returns the response whatever its status; throws only when it is unreachable. */
export async function apiRequestRaw(
  path: string,
  options: ApiRequestOptions = {},
): Promise<RawResponse> {
  const started = performance.now();
  const response = await send(path, options);
  const body = await readBody(response);
  return {
    status: response.status,
    statusText: response.statusText,
    headers: [...response.headers.entries()],
    body,
    traceId: response.headers.get('X-Trace-Id') ?? undefined,
    durationMs: Math.round((performance.now() - started) * 10) / 10,
  };
}

/** The message of an error body, for one-line summaries. */
export function errorMessageOf(body: unknown): string | undefined {
  return isErrorBody(body) ? body.message : undefined;
}
