import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_USERS } from '@authlab/shared';
import { createFakeApi } from '../test/fake-api';
import { App } from './App';

function renderWithApi(options?: Parameters<typeof createFakeApi>[0]) {
  const api = createFakeApi(options);
  vi.stubGlobal('fetch', api.fetch);
  render(<App />);
  return api;
}

describe('the playground page', () => {
  it("shows the title, the API's health and a link to the API docs", async () => {
    renderWithApi();

    expect(screen.getByRole('heading', { level: 1, name: 'authlab playground' })).toBeDefined();
    expect(screen.getByRole('link', { name: 'API docs' }).getAttribute('href')).toBe('/api/docs');
    const health = screen.getByRole('region', { name: 'API health' });
    expect(await within(health).findByText('sqlite')).toBeDefined();
    expect(within(health).getByText('42 s')).toBeDefined();
  });

  it('offers one sign-in button per demo user', () => {
    renderWithApi();

    const group = screen.getByRole('group', { name: 'Sign in as' });
    expect(within(group).getAllByRole('button')).toHaveLength(DEMO_USERS.length);
    for (const { username } of DEMO_USERS) {
      expect(within(group).getByRole('button', { name: `Sign in as ${username}` }).textContent).toBe(username);
    }
  });

  it('signs in as writer, then shows the token in three parts, its decoded JSON and /api/auth/me', async () => {
    const api = renderWithApi();

    fireEvent.click(screen.getByRole('button', { name: 'Sign in as writer' }));

    expect(await screen.findByText(/Signed in as writer \(role writer\)/)).toBeDefined();
    const signInCall = api.fetch.mock.calls.find(([path]) => path === '/api/auth/signin');
    expect(signInCall?.[1]?.method).toBe('POST');
    expect(JSON.parse(signInCall?.[1]?.body as string)).toEqual({ username: 'writer', password: 'writer-demo-password' });

    const tokenSection = screen.getByRole('region', { name: 'Access token' });
    const encoded = within(tokenSection).getByLabelText('Encoded access token');
    const parts = ['header', 'payload', 'signature'].map((part) => encoded.querySelector(`[data-part="${part}"]`)?.textContent);
    const token = parts.join('.');
    expect(parts.every((part) => part && part.length > 0)).toBe(true);
    expect(encoded.textContent).toBe(token);

    const header = JSON.parse(within(tokenSection).getByRole('region', { name: 'Decoded header' }).textContent ?? '');
    const payload = JSON.parse(within(tokenSection).getByRole('region', { name: 'Decoded payload' }).textContent ?? '');
    expect(header).toMatchObject({ alg: 'HS256', typ: 'at+jwt' });
    expect(payload).toMatchObject({ sub: '3', username: 'writer', role: 'writer', iss: 'authlab', aud: 'authlab-api' });

    const meSection = screen.getByRole('region', { name: /Who am I\?/ });
    const me = await within(meSection).findByRole('region', { name: 'Response of GET /api/auth/me' });
    expect(JSON.parse(me.textContent ?? '')).toEqual({
      id: 3,
      username: 'writer',
      role: 'writer',
      permissions: ['read', 'create'],
      createdAt: '2025-11-27T18:32:00.000Z',
    });
    const meCall = api.fetch.mock.calls.find(([path]) => path === '/api/auth/me');
    expect(new Headers(meCall?.[1]?.headers).get('Authorization')).toBe(`Bearer ${token}`);
  });

  it("shows the API's error and trace id when sign-in is refused, and no token", async () => {
    const api = renderWithApi({ wrongPasswords: true });

    fireEvent.click(screen.getByRole('button', { name: 'Sign in as user' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('401 Unauthorized');
    expect(alert.textContent).toContain('The username or password is incorrect.');
    expect(alert.textContent).toContain(api.traceId);
    expect(screen.getByRole('status', { name: '' }).textContent).toBe('Could not sign in as user.');
    expect(screen.queryByRole('region', { name: 'Access token' })).toBeNull();
  });
});
