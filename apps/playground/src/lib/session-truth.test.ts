import { afterEach, describe, expect, it } from 'vitest';
import { sessionStore, type PlaygroundSession } from './session-store';
import { noteAnswer } from './session-truth';

const REVOKED =
  'Bearer realm="authlab", error="invalid_token", error_description="The access token has been revoked"';

const bearer: PlaygroundSession = {
  username: 'writer',
  role: 'writer',
  delivery: 'body',
  accessToken: 'header.payload.signature',
  expiresIn: 900,
  expiresAt: Date.now() + 900_000,
};
const cookie: PlaygroundSession = { ...bearer, delivery: 'cookie', accessToken: undefined };

function answer(
  session: PlaygroundSession,
  sent: { token?: string; cookies?: boolean; path?: string; method?: string },
  status: number,
  challenge: string | null = null,
) {
  sessionStore.set(session);
  noteAnswer(
    {
      method: sent.method ?? 'GET',
      path: sent.path ?? '/api/articles',
      token: sent.token,
      cookies: sent.cookies ?? sent.token === undefined,
    },
    status,
    challenge,
    sessionStore.get(),
  );
  return sessionStore.get();
}

afterEach(() => sessionStore.set(null));

describe('noteAnswer', () => {
  it('ends a Bearer session when the API refuses its own token as invalid_token, with the reason', () => {
    expect(answer(bearer, { token: bearer.accessToken }, 401, REVOKED)?.ended).toBe(
      'The access token has been revoked.',
    );
  });

  it('ends a cookie session when a request carrying the cookie is refused', () => {
    expect(answer(cookie, { cookies: true }, 401, REVOKED)?.ended).toMatch(/revoked/);
  });

  it('ends the session on its own successful sign-out, sent from anywhere in the page', () => {
    const ended = answer(
      bearer,
      { token: bearer.accessToken, method: 'POST', path: '/api/auth/signout' },
      204,
    );
    expect(ended?.ended).toBe('signed out with POST /api/auth/signout.');
  });

  it('leaves the session alone for answers about other credentials or other failures', () => {
    expect(answer(bearer, { token: 'another.token.here' }, 401, REVOKED)?.ended).toBeUndefined();
    expect(answer(bearer, { cookies: false }, 401, REVOKED)?.ended).toBeUndefined();
    expect(answer(cookie, { cookies: false }, 401, REVOKED)?.ended).toBeUndefined();
    expect(answer(bearer, { token: bearer.accessToken }, 403, null)?.ended).toBeUndefined();
    // A missing token is not a refused one (RFC 6750 §3.1: no error code then).
    expect(
      answer(bearer, { token: bearer.accessToken }, 401, 'Bearer realm="authlab"')?.ended,
    ).toBeUndefined();
  });
});

describe('the stored session', () => {
  it('keeps a live session in sessionStorage and forgets it once it has ended', () => {
    sessionStore.set(bearer);
    expect(sessionStorage.getItem('authlab.session')).toContain(bearer.accessToken);
    sessionStore.set({ ...bearer, ended: 'The access token has been revoked.' });
    expect(sessionStorage.getItem('authlab.session')).toBeNull();
  });
});
