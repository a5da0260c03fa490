import { describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, NetworkError } from './api-client';

describe('apiRequest', () => {
  it('sends JSON and a bearer token, and returns the parsed body', async () => {
    const fetch = vi.fn(async () => Response.json({ id: 3 }));
    vi.stubGlobal('fetch', fetch);

    await expect(apiRequest('/api/things', { method: 'POST', body: { a: 1 }, token: 't0k' })).resolves.toEqual({ id: 3 });

    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const headers = new Headers(init.headers);
    expect(path).toBe('/api/things');
    expect(init.body).toBe('{"a":1}');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('Authorization')).toBe('Bearer t0k');
  });

  it("turns the API's error shape into an ApiError with its trace id", async () => {
    const body = { statusCode: 403, error: 'Forbidden', message: 'Your role may not do this.', traceId: 'trace-1' };
    vi.stubGlobal('fetch', vi.fn(async () => Response.json(body, { status: 403 })));

    const error = await apiRequest('/api/articles/1', { method: 'DELETE' }).catch((reason: unknown) => reason);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ statusCode: 403, error: 'Forbidden', message: 'Your role may not do this.', traceId: 'trace-1' });
  });

  it('still reports a status when the error body is not JSON (e.g. a proxy page)', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('<h1>Bad Gateway</h1>', { status: 502, statusText: 'Bad Gateway' })));

    await expect(apiRequest('/api/health')).rejects.toMatchObject({ statusCode: 502, error: 'Bad Gateway', traceId: undefined });
  });

  it('reports an unreachable API as a NetworkError', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('fetch failed'))));

    await expect(apiRequest('/api/health')).rejects.toBeInstanceOf(NetworkError);
  });
});
