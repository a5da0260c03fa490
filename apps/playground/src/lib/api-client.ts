import type { ErrorBody, FieldIssue } from '@authlab/shared';

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

export interface ApiRequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  signal?: AbortSignal;
}

function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body.statusCode === 'number' && typeof body.error === 'string' && typeof body.message === 'string';
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
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
  return new ApiError(response.status, reason, `The server answered ${response.status} ${reason} without the API's error body.`, headerTraceId);
}

/** Calls the authlab API on this origin and returns its JSON body, or throws ApiError / NetworkError. */
export async function apiRequest<T>(path: string, options: ApiRequestOptions = {}): Promise<T> {
  const headers = new Headers({ Accept: 'application/json' });
  if (options.body !== undefined) headers.set('Content-Type', 'application/json');
  if (options.token !== undefined) headers.set('Authorization', `Bearer ${options.token}`);

  let response: Response;
  try {
    response = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: 'same-origin',
      signal: options.signal ?? null,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new NetworkError('The API could not be reached. Is it running?', { cause: error });
  }

  const body = await readJson(response);
  if (!response.ok) throw toApiError(response, body);
  return body as T;
}
