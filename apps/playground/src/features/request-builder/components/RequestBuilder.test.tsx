import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
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

    send('DELETE', '/api/articles/1', 'writer');

    const response = await screen.findByRole('region', { name: 'Response of DELETE /api/articles/1' });
    expect(within(response).getByText('403 Forbidden')).toBeDefined();
    expect(within(response).getByLabelText('Response body').textContent).toContain('"message": "Your role (writer) lacks the');
    const call = api.fetch.mock.calls.find(([path, init]) => path === '/api/articles/1' && init?.method === 'DELETE');
    expect(new Headers(call?.[1]?.headers).get('Authorization')).toMatch(/^Bearer ey/);

    const lifecycle = await screen.findByRole('region', { name: 'Lifecycle of DELETE /api/articles/1' });
    expect(lifecycle.querySelector('[aria-current="step"]')?.getAttribute('data-step')).toBe('RolesGuard');
    expect(screen.getByRole('link', { name: 'Open in the lifecycle view' }).getAttribute('href')).toMatch(/^#\/lifecycle\//);
  });

  it('sends as nobody: no Authorization header, 401 decided by JwtAuthGuard', async () => {
    const { api } = renderWithApi(<RequestBuilder session={null} />);

    send('GET', '/api/articles', '');

    const response = await screen.findByRole('region', { name: 'Response of GET /api/articles' });
    expect(within(response).getByText('401 Unauthorized')).toBeDefined();
    const call = api.fetch.mock.calls.find(([path]) => path === '/api/articles');
    expect(new Headers(call?.[1]?.headers).has('Authorization')).toBe(false);
    const lifecycle = await screen.findByRole('region', { name: 'Lifecycle of GET /api/articles' });
    expect(lifecycle.querySelector('[aria-current="step"]')?.getAttribute('data-step')).toBe('JwtAuthGuard');
  });

  it('suggests a JSON body for a write and previews the request that will go out', () => {
    renderWithApi(<RequestBuilder session={null} />);

    fireEvent.change(screen.getByLabelText('Method'), { target: { value: 'POST' } });

    expect(JSON.parse(screen.getByLabelText<HTMLTextAreaElement>('Body (JSON)').value)).toMatchObject({ title: 'Hello' });
    const preview = screen.getByLabelText('Request preview').textContent ?? '';
    expect(preview).toContain("POST /api/articles HTTP/1.1\nAccept: application/json\nAuthorization: Bearer <writer's access token>");
    expect(preview).toMatch(/X-Playground-Session: [A-Za-z0-9_-]{16,}/);
  });

  it('in cookie mode, lets the browser choose the credentials and says so', () => {
    renderWithApi(<RequestBuilder session={{ username: 'editor', role: 'editor', delivery: 'cookie', expiresIn: 900 }} />);

    fireEvent.click(screen.getByRole('radio', { name: 'Cookie' }));

    expect(screen.queryByLabelText('Send as')).toBeNull();
    expect(screen.getByText(/The browser sends editor's cookie by itself/)).toBeDefined();
    expect(screen.getByLabelText('Request preview').textContent).not.toContain('Authorization');
  });
});
