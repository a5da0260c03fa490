import type { ClientCredentialsTokenSource } from './client-credentials.js';

/** An article as GET /api/articles returns it (only the fields this application uses). */
export interface Article {
  id: number;
  title: string;
  body: string;
  authorUsername: string;
  updatedAt: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Calls the API with the current token; renews it once when the API says it is no longer valid. */
export class AuthlabApi {
  constructor(
    private readonly baseUrl: string,
    private readonly tokens: ClientCredentialsTokenSource,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  articles(): Promise<Article[]> {
    return this.getJson<Article[]>('/api/articles');
  }

  private async getJson<T>(path: string): Promise<T> {
    let token = await this.tokens.token();
    let response = await this.get(path, token);
    // RFC 6750 §3: invalid_token means expired or revoked; a fresh token may work, a second refusal will not.
    if (
      response.status === 401 &&
      response.headers.get('www-authenticate')?.includes('error="invalid_token"')
    ) {
      this.tokens.invalidate(token);
      token = await this.tokens.token();
      response = await this.get(path, token);
    }
    const body: unknown = await response.json();
    if (!response.ok) {
      throw new ApiError(
        response.status,
        `GET ${path} answered ${response.status}: ${(body as { message?: string }).message ?? ''}`,
      );
    }
    return body as T;
  }

  private get(path: string, token: string): Promise<Response> {
    return this.fetchImpl(`${this.baseUrl}${path}`, {
      headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    });
  }
}
