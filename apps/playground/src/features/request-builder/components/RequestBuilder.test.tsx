import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CSRF_COOKIE } from '@authlab/shared';
import { sessionStore } from '../../../lib/session-store';
import { fakeAccessToken } from '../../../test/fake-api';
import { renderWithApi } from '../../../test/render';
import { RequestBuilder } from './RequestBuilder';

function send(method: string, path: string, who: string) {
  fireEvent.change(screen.getByLabelText('Method'), { target: { value: method } });
  fireEvent.change(screen.getByLabelText('Path'), { target: { value: path } });
  fireEvent.change(screen.getByLabelText('Send as'), { target: { value: who } });
  fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
}

describe('RequestBuilder', () => {
  it('sends as a demo user with a bearer token, and shows a 403 with RolesGuard marked in its lifecycle', async () => {
    const { api } = renderWithApi(<RequestBuilder session={null} />);

    // A user holds only read: RolesGuard refuses the delete (a writer may now delete their own).
    send('DELETE', '/api/articles/1', 'user');

    const response = await screen.findByRole('region', {
      name: 'Response of DELETE /api/articles/1',
    });
    expect(within(response).getByText('403 Forbidden')).toBeDefined();
    expect(within(response).getByLabelText('Response body').textContent).toContain(
      '"message": "Your role (user) lacks the',
    );
    const call = api.fetch.mock.calls.find(
      ([path, init]) => path === '/api/articles/1' && init?.method === 'DELETE',
    );
    expect(new Headers(call?.[1]?.headers).get('Authorization')).toMatch(/^Bearer ey/);

    const lifecycle = await screen.findByRole('region', {
      name: 'Lifecycle of DELETE /api/articles/1',
    });
    expect(lifecycle.querySelector('[aria-current="step"]')?.getAttribute('data-step')).toBe(
      'RolesGuard',
    );
    expect(
      screen.getByRole('link', { name: 'Open in the lifecycle view' }).getAttribute('href'),
    ).toMatch(/^#\/lifecycle\//);
  });

  it('sends as nobody: no Authorization header, 401 decided by JwtAuthGuard', async () => {
    const { api } = renderWithApi(<RequestBuilder session={null} />);

    send('GET', '/api/articles', '');

    const response = await screen.findByRole('region', { name: 'Response of GET /api/articles' });
    expect(within(response).getByText('401 Unauthorized')).toBeDefined();
    const call = api.fetch.mock.calls.find(([path]) => path === '/api/articles');
    expect(new Headers(call?.[1]?.headers).has('Authorization')).toBe(false);
    const lifecycle = await screen.findByRole('region', { name: 'Lifecycle of GET /api/articles' });
    expect(lifecycle.querySelector('[aria-current="step"]')?.getAttribute('data-step')).toBe(
      'JwtAuthGuard',
    );
  });

  it('suggests a JSON body for a write and previews the request that will go out', () => {
    renderWithApi(<RequestBuilder session={null} />);

    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'POST' } });

    expect(
      JSON.parse(screen.getByLabelText<HTMLTextAreaElement>('Body (JSON)').value),
    ).toMatchObject({ title: 'Hello' });
    const preview = screen.getByLabelText('Request preview').textContent ?? '';
    expect(preview).toContain(
      "POST /api/articles HTTP/1.1\nAccept: application/json\nAuthorization: Bearer <writer's access token>",
    );
    expect(preview).toMatch(/X-Playground-Session: [A-Za-z0-9_-]{16,}/);
  });

  it('in cookie mode, lets the browser choose the credentials and says so', () => {
    renderWithApi(
      <RequestBuilder
        session={{ username: 'editor', role: 'editor', delivery: 'cookie', expiresIn: 900 }}
      />,
    );

    fireEvent.click(screen.getByRole('radio', { name: 'Cookie' }));

    expect(screen.queryByLabelText('Send as')).toBeNull();
    expect(screen.getByText(/The browser sends editor's cookie by itself/)).toBeDefined();
    expect(screen.getByLabelText('Request preview').textContent).not.toContain('Authorization');
  });

  it('sends a broken JSON body exactly as typed, after saying it is broken', async () => {
    const { api } = renderWithApi(<RequestBuilder session={null} />);
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'POST' } });
    fireEvent.change(screen.getByLabelText('Path'), { target: { value: '/api/auth/signup' } });
    fireEvent.change(screen.getByLabelText('Send as'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Body (JSON)'), { target: { value: '{"username": ' } });

    expect(screen.getByText(/This is not valid JSON\. It is sent as typed/)).toBeDefined();
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));

    await screen.findByRole('region', { name: 'Response of POST /api/auth/signup' });
    const call = api.fetch.mock.calls.find(([path]) => path === '/api/auth/signup');
    expect(call?.[1]?.body).toBe('{"username": ');
    expect(new Headers(call?.[1]?.headers).get('Content-Type')).toBe('application/json');
  });

  it('declares the body as text/plain, as a form, or not at all', async () => {
    const { api } = renderWithApi(<RequestBuilder session={null} />);
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'POST' } });
    fireEvent.change(screen.getByLabelText('Path'), { target: { value: '/api/oauth/token' } });
    const sent = async (bodyType: string) => {
      api.fetch.mockClear();
      fireEvent.change(screen.getByLabelText('Content-Type'), { target: { value: bodyType } });
      fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
      await vi.waitFor(() =>
        expect(api.fetch.mock.calls.some(([path]) => path === '/api/oauth/token')).toBe(true),
      );
      return api.fetch.mock.calls.find(([path]) => path === '/api/oauth/token')![1]!;
    };

    expect(screen.getByLabelText<HTMLTextAreaElement>('Body (JSON)').value).toBe(
      'grant_type=client_credentials',
    );
    expect(
      new Headers((await sent('application/x-www-form-urlencoded')).headers).get('Content-Type'),
    ).toBe('application/x-www-form-urlencoded');
    expect(new Headers((await sent('text/plain')).headers).get('Content-Type')).toBe('text/plain');
    const bare = await sent('none');
    expect(new Headers(bare.headers).has('Content-Type')).toBe(false);
    // Bytes, not a string: fetch would label a string text/plain by itself.
    expect(new TextDecoder().decode(bare.body as Uint8Array)).toBe('grant_type=client_credentials');
  });

  it('sends an Authorization header written by hand, or Basic credentials', async () => {
    const { api } = renderWithApi(<RequestBuilder session={null} />);
    fireEvent.change(screen.getByLabelText('Send as'), { target: { value: ':written-header' } });
    fireEvent.change(screen.getByLabelText('Authorization header value'), {
      target: { value: 'Bearer' },
    });
    expect(screen.getByLabelText('Request preview').textContent).toContain(
      'Authorization: Bearer\n',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await vi.waitFor(() =>
      expect(api.fetch.mock.calls.some(([path]) => path === '/api/articles')).toBe(true),
    );
    expect(
      new Headers(api.fetch.mock.calls.find(([path]) => path === '/api/articles')![1]!.headers).get(
        'Authorization',
      ),
    ).toBe('Bearer');

    api.fetch.mockClear();
    fireEvent.change(screen.getByLabelText('Send as'), { target: { value: ':basic' } });
    fireEvent.change(screen.getByLabelText('Username or client id'), { target: { value: 'cl_1' } });
    fireEvent.change(screen.getByLabelText('Password or client secret'), {
      target: { value: 'sécret' },
    });
    expect(screen.getByLabelText('Request preview').textContent).toContain(
      'Authorization: Basic <base64 of "cl_1:••••••">',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await vi.waitFor(() =>
      expect(api.fetch.mock.calls.some(([path]) => path === '/api/articles')).toBe(true),
    );
    const basic = new Headers(
      api.fetch.mock.calls.find(([path]) => path === '/api/articles')![1]!.headers,
    ).get('Authorization');
    expect(basic).toBe(`Basic ${Buffer.from('cl_1:sécret', 'utf8').toString('base64')}`);
  });

  it('sends the cookie with or without the CSRF header, as the learner chooses', async () => {
    document.cookie = `${CSRF_COOKIE}=csrf-writer; path=/`;
    const { api } = renderWithApi(
      <RequestBuilder
        session={{ username: 'writer', role: 'writer', delivery: 'cookie', expiresIn: 900 }}
      />,
    );
    fireEvent.click(screen.getByRole('radio', { name: 'Cookie' }));
    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'POST' } });
    const csrfOf = async () => {
      api.fetch.mockClear();
      fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
      await vi.waitFor(() =>
        expect(api.fetch.mock.calls.some(([path]) => path === '/api/articles')).toBe(true),
      );
      return new Headers(
        api.fetch.mock.calls.find(([path]) => path === '/api/articles')![1]!.headers,
      ).get('X-CSRF-Token');
    };

    expect(await csrfOf()).toBe('csrf-writer');
    fireEvent.click(screen.getByRole('checkbox', { name: /Send the X-CSRF-Token header/ }));
    expect(screen.getByLabelText('Request preview').textContent).not.toContain('X-CSRF-Token');
    expect(await csrfOf()).toBeNull();
  });

  it('sends the current token, and offers the session in a sign-in answer as the playground’s own', async () => {
    const chosen = fakeAccessToken({ sub: '3', role: 'admin' });
    const { api } = renderWithApi(<RequestBuilder session={null} currentToken={chosen} />);
    expect(screen.getByLabelText<HTMLSelectElement>('Send as').value).toBe(':current-token');

    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    await vi.waitFor(() =>
      expect(api.fetch.mock.calls.some(([path]) => path === '/api/articles')).toBe(true),
    );
    expect(
      new Headers(api.fetch.mock.calls.find(([path]) => path === '/api/articles')![1]!.headers).get(
        'Authorization',
      ),
    ).toBe(`Bearer ${chosen}`);

    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'POST' } });
    fireEvent.change(screen.getByLabelText('Path'), { target: { value: '/api/auth/signin' } });
    fireEvent.change(screen.getByLabelText('Body (JSON)'), {
      target: { value: '{"username":"writer","password":"writer-demo-password"}' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send request' }));
    fireEvent.click(
      await screen.findByRole('button', { name: 'Use this session (signed in as writer)' }),
    );

    expect(sessionStore.get()).toMatchObject({
      username: 'writer',
      role: 'writer',
      delivery: 'body',
    });
    expect(screen.getByRole('status').textContent).toContain(
      'This is the playground’s current token now',
    );
  });
});
