import { DEMO_USERS, type TokenResponse } from '@authlab/shared';
import { signIn } from './sign-in';

interface CachedToken {
  token: string;
  expiresAt: number;
}

const cache = new Map<string, CachedToken>();
const MARGIN_MS = 30_000;

/**
 * An access token for a demo user, signed in once and reused until shortly before it expires,
 * so that the request builder and the RBAC matrix can act as any role without a sign-in each time.
 */
export async function demoTokenFor(username: string, signal?: AbortSignal): Promise<string> {
  const cached = cache.get(username);
  if (cached && cached.expiresAt - MARGIN_MS > Date.now()) return cached.token;
  const response = await signInDemoUser(username, signal);
  cache.set(username, {
    token: response.accessToken,
    expiresAt: Date.now() + response.expiresIn * 1000,
  });
  return response.accessToken;
}

/** A token of its own, not shared with other requests: for a request that may end the session it uses. */
export async function freshDemoToken(username: string, signal?: AbortSignal): Promise<string> {
  return (await signInDemoUser(username, signal)).accessToken;
}

/** Forgets one user's token, e.g. after the API refused it as revoked. */
export function forgetDemoToken(username: string): void {
  cache.delete(username);
}

function signInDemoUser(username: string, signal?: AbortSignal): Promise<TokenResponse> {
  const user = DEMO_USERS.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`${username} is not a demo user.`);
  return signIn({ username: user.username, password: user.password }, 'body', {
    cookies: false,
    // The token behind "send as <role>": the learner's request is the one sent with it.
    background: true,
    ...(signal ? { signal } : {}),
  }).then(({ data }) => data);
}

/** Tokens issued before a role change or restart may be refused; start again (and in tests). */
export function forgetDemoTokens(): void {
  cache.clear();
}
