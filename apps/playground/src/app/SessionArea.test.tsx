import { act, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { sessionStore } from '../lib/session-store';
import { SessionArea } from './SessionArea';

/** A phone-sized screen, as far as matchMedia tells. */
function narrowScreen() {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: true,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

const SESSION = {
  username: 'ada',
  role: 'user' as const,
  delivery: 'body' as const,
  accessToken: 'a.b.c',
  expiresIn: 900,
};

describe('SessionArea', () => {
  it('folds the session controls into one true line on a phone, and opens them on request', () => {
    narrowScreen();
    render(
      <SessionArea factsRef={() => undefined}>
        <button type="button">Sign in as ada</button>
      </SessionArea>,
    );

    const drawer = screen.getByText('Session: not signed in').closest('details')!;
    expect(drawer.open).toBe(false);
    act(() => sessionStore.set(SESSION));
    expect(screen.getByText('Session: ada, Bearer token')).toBeDefined();
    act(() => sessionStore.set({ ...SESSION, ended: 'signed out elsewhere.' }));
    expect(screen.getByText('Session: ada, ended; sign in again')).toBeDefined();

    act(() => {
      drawer.open = true;
      drawer.dispatchEvent(new Event('toggle'));
    });
    expect(drawer.open).toBe(true);
  });

  it('keeps the controls open on a wide screen', () => {
    render(
      <SessionArea factsRef={() => undefined}>
        <button type="button">Sign in as ada</button>
      </SessionArea>,
    );
    expect(screen.getByRole('button', { name: 'Sign in as ada' }).closest('details')!.open).toBe(
      true,
    );
  });
});
