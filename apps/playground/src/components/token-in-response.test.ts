import { describe, expect, it } from 'vitest';
import { fakeAccessToken } from '../test/fake-api';
import { chosenTokenStore, currentTokenOf } from '../lib/current-token';
import { sessionStore } from '../lib/session-store';
import { tokenInResponse } from './token-in-response';

const TOKEN = fakeAccessToken({ sub: '9', role: 'user' });

describe('tokenInResponse', () => {
  it('finds a session in a sign-up or sign-in answer', () => {
    const found = tokenInResponse({
      user: { id: 9, username: 'ada', role: 'user' },
      accessToken: TOKEN,
      tokenType: 'Bearer',
      expiresIn: 900,
    });
    expect(found).toEqual({
      kind: 'session',
      session: {
        username: 'ada',
        role: 'user',
        delivery: 'body',
        accessToken: TOKEN,
        expiresIn: 900,
      },
    });
  });

  it('finds a bare token: a lab issuer’s token, a machine client’s access_token', () => {
    expect(tokenInResponse({ token: TOKEN })).toEqual({
      kind: 'token',
      token: TOKEN,
      field: 'token',
    });
    expect(tokenInResponse({ access_token: TOKEN, token_type: 'Bearer' })).toEqual({
      kind: 'token',
      token: TOKEN,
      field: 'access_token',
    });
  });

  it('finds nothing in other answers, nor in a "token" that is no JWT or a role it does not know', () => {
    expect(tokenInResponse([{ id: 1 }])).toBeUndefined();
    expect(tokenInResponse({ token: 'not a jwt' })).toBeUndefined();
    expect(tokenInResponse(undefined)).toBeUndefined();
    expect(tokenInResponse({ user: { username: 'x', role: 'root' }, accessToken: TOKEN })).toEqual({
      kind: 'token',
      token: TOKEN,
      field: 'accessToken',
    });
  });
});

describe('the current token', () => {
  it('is the chosen token until the next sign-in or sign-out, then the session’s', () => {
    const session = {
      username: 'writer',
      role: 'writer' as const,
      delivery: 'body' as const,
      accessToken: 'session.token.value',
      expiresIn: 900,
    };
    sessionStore.set(session);
    chosenTokenStore.set({ token: TOKEN, from: 'the token editor' });
    expect(currentTokenOf(sessionStore.get(), chosenTokenStore.get())).toBe(TOKEN);

    sessionStore.set({ ...session, accessToken: 'another.session.token' });
    expect(chosenTokenStore.get()).toBeNull();
    expect(currentTokenOf(sessionStore.get(), chosenTokenStore.get())).toBe(
      'another.session.token',
    );
  });
});
