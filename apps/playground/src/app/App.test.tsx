import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_USERS } from '@authlab/shared';
import { sessionStore } from '../lib/session-store';
import { createFakeApi, type FakeApiOptions } from '../test/fake-api';
import { loadLazyViews } from '../test/load-lazy-views';
import { App } from './App';

/** The page at a view's hash; '' is the first page a newcomer sees. */
function renderWithApi(options?: FakeApiOptions, hash = '#/inspector') {
  window.location.hash = hash;
  const api = createFakeApi(options);
  vi.stubGlobal('fetch', api.fetch);
  render(<App />);
  return api;
}

function openRoute(hash: string) {
  window.location.hash = hash;
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

describe('the playground page', () => {
  beforeAll(loadLazyViews);

  it("shows the title, the API's health and a link to the API docs", async () => {
    renderWithApi();

    expect(screen.getByRole('heading', { level: 1, name: 'authlab playground' })).toBeDefined();
    const docs = screen.getByRole('link', { name: 'API docs' });
    expect(docs.getAttribute('href')).toBe('/api/docs');
    // A new tab, so this one keeps its session and view.
    expect(docs.getAttribute('target')).toBe('_blank');
    expect(docs.getAttribute('rel')).toBe('noopener');
    const health = await screen.findByRole('region', { name: 'API health' });
    expect(await within(health).findByText('sqlite')).toBeDefined();
    expect(within(health).getByText('42 s')).toBeDefined();
  });

  it('opens on the first-run page: what authlab is, the way to lesson 1, progress and the tools', async () => {
    // In an async act: the lazily loaded view is on screen when act returns (see loadLazyViews).
    await act(async () => {
      renderWithApi(undefined, '');
    });

    const intro = await screen.findByRole('region', { name: /See how an API decides/ });
    expect(intro.textContent).toContain('authlab is a real NestJS API');
    const start = screen.getByRole('link', { name: /^Start with lesson 1: / });
    expect(start.getAttribute('href')).toBe('#/lessons/bearer-tokens');
    expect(
      within(screen.getByRole('list', { name: 'Lessons and your progress' }))
        .getAllByRole('listitem')
        .every((item) => item.textContent?.endsWith('not started')),
    ).toBe(true);
    const tools = screen.getByRole('region', { name: 'Tools' });
    expect(
      within(tools)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['#/inspector', '#/editor', '#/request', '#/lifecycle', '#/cookies', '#/rbac']);
    expect(
      within(screen.getByRole('navigation', { name: 'Views' }))
        .getByRole('link', { name: 'Start' })
        .getAttribute('aria-current'),
    ).toBe('page');
  });

  it('offers one sign-in button per demo user and a link to each view', async () => {
    renderWithApi();

    const group = screen.getByRole('group', { name: 'Sign in as' });
    expect(within(group).getAllByRole('button')).toHaveLength(DEMO_USERS.length);
    for (const { username } of DEMO_USERS) {
      expect(
        within(group).getByRole('button', { name: `Sign in as ${username}` }).textContent,
      ).toBe(username);
    }
    const views = await screen.findByRole('navigation', { name: 'Views' });
    expect(
      within(views)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      'Start',
      'Token inspector',
      'Token editor',
      'Request builder',
      'Lifecycle',
      'Cookies',
      'RBAC matrix',
      'Lessons',
      'Presenter',
    ]);
    expect(
      within(views).getByRole('link', { name: 'Token inspector' }).getAttribute('aria-current'),
    ).toBe('page');
  });

  it('signs in as writer, then inspects the token and shows /api/auth/me', async () => {
    const api = renderWithApi();

    fireEvent.click(screen.getByRole('button', { name: 'Sign in as writer' }));

    expect(await screen.findByText(/Signed in as writer \(role writer\)/)).toBeDefined();
    const signInCall = api.fetch.mock.calls.find(([path]) => path === '/api/auth/signin');
    expect(signInCall?.[1]?.method).toBe('POST');
    expect(JSON.parse(signInCall?.[1]?.body as string)).toEqual({
      username: 'writer',
      password: 'writer-demo-password',
    });

    const encoded = await screen.findByLabelText('Encoded access token');
    const token = ['header', 'payload', 'signature']
      .map((part) => encoded.querySelector(`[data-part="${part}"]`)?.textContent)
      .join('.');
    expect(encoded.textContent).toBe(token);
    expect(
      JSON.parse(screen.getByRole('region', { name: 'Decoded header' }).textContent ?? ''),
    ).toMatchObject({ alg: 'HS256', typ: 'at+jwt' });
    expect(
      JSON.parse(screen.getByRole('region', { name: 'Decoded payload' }).textContent ?? ''),
    ).toMatchObject({ sub: '3', username: 'writer', role: 'writer' });

    const me = await screen.findByRole('region', { name: 'Response of GET /api/auth/me' });
    expect(JSON.parse(me.textContent ?? '')).toMatchObject({
      id: 3,
      username: 'writer',
      permissions: ['read', 'create', 'update', 'delete'],
    });
    const meCall = api.fetch.mock.calls.find(([path]) => path === '/api/auth/me');
    expect(new Headers(meCall?.[1]?.headers).get('Authorization')).toBe(`Bearer ${token}`);
  });

  it('signs in with a cookie: no token in the page, /api/auth/me sent without an Authorization header', async () => {
    const api = renderWithApi();

    fireEvent.click(screen.getByRole('radio', { name: /HttpOnly cookie/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Sign in as editor' }));

    expect(
      await screen.findByText(
        /Signed in as editor \(role editor\)\. Access token in an HttpOnly cookie/,
      ),
    ).toBeDefined();
    expect(api.fetch.mock.calls.some(([path]) => path === '/api/auth/signin?mode=cookie')).toBe(
      true,
    );
    await screen.findByRole('region', { name: 'Response of GET /api/auth/me' });
    const meCall = api.fetch.mock.calls.find(([path]) => path === '/api/auth/me');
    expect(new Headers(meCall?.[1]?.headers).get('Authorization')).toBeNull();
    expect(screen.queryByLabelText('Encoded access token')).toBeNull();
    expect(screen.getByText(/the token is HttpOnly, so this page cannot read it/)).toBeDefined();
  });

  it('signs out: the server ends the session, and the session and its token are gone from the page', async () => {
    const api = renderWithApi();
    fireEvent.click(screen.getByRole('button', { name: 'Sign in as admin' }));
    await screen.findByLabelText('Encoded access token');

    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));

    // The server ends the session first (the token is refused from then on), then the page says so.
    expect(await screen.findByText('Not signed in.')).toBeDefined();
    const signOut = api.fetch.mock.calls.find(([path]) => path === '/api/auth/signout');
    expect(new Headers(signOut?.[1]?.headers).get('Authorization')).toMatch(/^Bearer ey/);
    expect(screen.queryByRole('region', { name: /Who am I\?/ })).toBeNull();
    expect(screen.getByLabelText<HTMLTextAreaElement>('Token to inspect').value).toBe('');
    expect(screen.queryByLabelText('Encoded access token')).toBeNull();
  });

  it("shows the API's error and trace id when sign-in is refused, and no token", async () => {
    const api = renderWithApi({ wrongPasswords: true });

    fireEvent.click(screen.getByRole('button', { name: 'Sign in as user' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('401 Unauthorized');
    expect(alert.textContent).toContain('The username or password is incorrect.');
    expect(alert.textContent).toContain(api.traceId);
    expect(screen.getByText('Could not sign in as user.')).toBeDefined();
    expect(screen.queryByLabelText('Encoded access token')).toBeNull();
  });

  it('switches views through the hash, and the theme and text size through the header', async () => {
    renderWithApi();

    window.location.hash = '#/rbac';
    window.dispatchEvent(new HashChangeEvent('hashchange'));
    expect(await screen.findByRole('heading', { name: 'RBAC matrix' })).toBeDefined();

    fireEvent.change(screen.getByLabelText('Theme'), { target: { value: 'dark' } });
    fireEvent.change(screen.getByLabelText('Text'), { target: { value: 'large' } });
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(document.documentElement.dataset.textSize).toBe('large');
    expect(JSON.parse(localStorage.getItem('authlab.preferences') ?? '{}')).toEqual({
      theme: 'dark',
      textSize: 'large',
    });
  });

  it('shows the API clock’s offset in the shell while it runs ahead, and nothing in real time', async () => {
    renderWithApi({ clockOffsetSeconds: 900 });
    expect(
      (await screen.findByText(/The API’s clock is 15 min ahead/)).closest('[role="status"]'),
    ).not.toBeNull();
  });

  it('opens a lesson beside the tools from #/lessons/<id>, and the presenter view from #/presenter', async () => {
    // Each step in an async act: the lazily loaded view (its module loaded by beforeAll) is on
    // screen when act returns, so no query races the time a busy machine takes to show it.
    await act(async () => {
      renderWithApi();
      openRoute('#/lessons/bearer-tokens');
    });
    const title = await screen.findByRole('heading', { level: 2, name: /bearer token is used/ });
    const lesson = title.closest('article')!;
    expect(within(lesson).getByRole('list', { name: 'Steps' })).toBeDefined();
    const tools = screen.getByRole('region', { name: 'Tools' });
    const matrixButton = within(tools).getByRole('button', { name: 'RBAC matrix' });
    await act(async () => {
      fireEvent.click(matrixButton);
    });
    expect(await within(tools).findByRole('heading', { name: 'RBAC matrix' })).toBeDefined();
    expect(matrixButton.getAttribute('aria-pressed')).toBe('true');

    await act(async () => openRoute('#/presenter'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Presenter view' })).toBeDefined();
  });

  it('shows a session taken from an API answer (a sign-up) as signed in, and signs it out', async () => {
    renderWithApi();
    const token = (await import('../test/fake-api')).fakeAccessToken({ sub: '9', role: 'user' });

    act(() =>
      sessionStore.set({
        username: 'ada',
        role: 'user',
        delivery: 'body',
        accessToken: token,
        expiresIn: 900,
      }),
    );

    expect(screen.getByText(/^Signed in as ada \(role user\)/)).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(sessionStore.get()).toBeNull();
    expect(await screen.findByText('Not signed in.')).toBeDefined();
  });
});
