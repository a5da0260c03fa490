import { describe, expect, it, vi } from 'vitest';
import { ApiError, apiRequest, apiRequestRaw, NetworkError } from './api-client';

describe('apiRequest', () => {
  it('sends JSON and a bearer token, and returns the parsed body', async () => {
    const fetch = vi.fn(async () => Response.json({ id: 3 }));
    vi.stubGlobal('fetch', fetch);

    await expect(
      apiRequest('/api/things', { method: 'POST', body: { a: 1 }, token: 't0k' }),
    ).resolves.toEqual({ id: 3 });

    const [path, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    const headers = new Headers(init.headers);
    expect(path).toBe('/api/things');
    expect(init.body).toBe('{"a":1}');
    expect(headers.get('Content-Type')).toBe('application/json');
    expect(headers.get('Authorization')).toBe('Bearer t0k');
  });

  it("turns the API's error shape into an ApiError with its trace id", async () => {
    const body = {
      statusCode: 403,
      error: 'Forbidden',
      message: 'Your role may not do this.',
      traceId: 'trace-1',
    };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json(body, { status: 403 })),
    );

    const error = await apiRequest('/api/articles/1', { method: 'DELETE' }).catch(
      (reason: unknown) => reason,
    );

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      statusCode: 403,
      error: 'Forbidden',
      message: 'Your role may not do this.',
      traceId: 'trace-1',
    });
  });

  it('still reports a status when the error body is not JSON (e.g. a proxy page)', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () =>
          new Response('<h1>Bad Gateway</h1>', { status: 502, statusText: 'Bad Gateway' }),
      ),
    );

    await expect(apiRequest('/api/health')).rejects.toMatchObject({
      statusCode: 502,
      error: 'Bad Gateway',
      traceId: undefined,
    });
  });

  it('reports an unreachable API as a NetworkError', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('fetch failed'))),
    );

    await expect(apiRequest('/api/health')).rejects.toBeInstanceOf(NetworkError);
  });
});

describe('the headers of every request', () => {
  it('carry the same playground session id, made once per browser', async () => {
    const fetch = vi.fn(async () => Response.json({}));
    vi.stubGlobal('fetch', fetch);

    await apiRequest('/api/health');
    await apiRequest('/api/articles');

    const sessions = fetch.mock.calls.map((call) =>
      new Headers((call as unknown as [string, RequestInit])[1].headers).get(
        'X-Playground-Session',
      ),
    );
    expect(sessions[0]).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
    expect(sessions[1]).toBe(sessions[0]);
  });

  it("mark the playground's own calls, and only those, with X-Playground-Background: 1", async () => {
    const fetch = vi.fn(async () => Response.json({}));
    vi.stubGlobal('fetch', fetch);

    await apiRequest('/api/auth/me', { background: true });
    await apiRequest('/api/auth/me');
    await apiRequestRaw('/api/auth/me');

    const flags = fetch.mock.calls.map((call) =>
      new Headers((call as unknown as [string, RequestInit])[1].headers).get(
        'X-Playground-Background',
      ),
    );
    expect(flags).toEqual(['1', null, null]);
  });

  it('repeat the CSRF cookie in X-CSRF-Token on a change sent without a bearer token, and only then', async () => {
    document.cookie = 'authlab_csrf=double-submit-value; path=/';
    const fetch = vi.fn(async () => Response.json({}));
    vi.stubGlobal('fetch', fetch);

    await apiRequest('/api/articles', { method: 'POST', body: {} });
    await apiRequest('/api/articles', { method: 'GET' });
    await apiRequest('/api/articles', { method: 'POST', body: {}, token: 't0k' });

    const csrf = fetch.mock.calls.map((call) =>
      new Headers((call as unknown as [string, RequestInit])[1].headers).get('X-CSRF-Token'),
    );
    expect(csrf).toEqual(['double-submit-value', null, null]);
  });
});

describe('apiRequestRaw', () => {
  it('returns a refusal as data: status, headers, body and trace id', async () => {
    const body = { statusCode: 403, error: 'Forbidden', message: 'No.', traceId: 'trace-9' };
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json(body, { status: 403, headers: { 'X-Trace-Id': 'trace-9' } })),
    );

    const response = await apiRequestRaw('/api/users');

    expect(response).toMatchObject({ status: 403, body, traceId: 'trace-9' });
    expect(response.headers).toContainEqual(['x-trace-id', 'trace-9']);
  });
});
