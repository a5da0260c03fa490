import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '../../../test/render';
import { LifecycleView } from './LifecycleView';

describe('LifecycleView', () => {
  it('lists recent requests, newest first, and shows the newest as a flow', async () => {
    const { api } = renderWithApi(<LifecycleView session={null} />);
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toContain('Live'));
    await api.fetch('/api/articles');
    await api.fetch('/api/health');

    // The list was loaded before these requests: they arrive through the live stream.
    const list = screen.getByRole('list', { name: 'Recent requests, newest first' });
    await vi.waitFor(() => expect(within(list).getAllByRole('link')).toHaveLength(1));
    expect(within(list).getByRole('link').textContent).toContain('GET /api/articles');
    expect(screen.getByRole('status').textContent).toBe(
      'Live: new requests appear as they happen.',
    );
    expect(
      await screen.findByRole('region', { name: 'Lifecycle of GET /api/articles' }),
    ).toBeDefined();
  });

  it('adds a request from the live stream at the top of the list', async () => {
    const { api } = renderWithApi(<LifecycleView session={null} />);
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toContain('Live'));

    api.pushTrace({
      method: 'DELETE',
      path: '/api/articles/7',
      status: 403,
      events: [
        {
          step: 'RolesGuard',
          kind: 'guard',
          startMs: 0,
          durationMs: 0.1,
          outcome: 'deny',
          reason: 'Your role (user) lacks "delete".',
        },
      ],
      decidedBy: { step: 'RolesGuard', kind: 'guard', reason: 'Your role (user) lacks "delete".' },
    });

    const list = screen.getByRole('list', { name: 'Recent requests, newest first' });
    await vi.waitFor(() =>
      expect(within(list).getAllByRole('link')[0]?.textContent).toContain('DELETE /api/articles/7'),
    );
    expect(within(list).getAllByRole('link')[0]?.textContent).toContain('RolesGuard');
  });

  it('shows the trace named in the URL and marks it in the list', async () => {
    const { api } = renderWithApi(
      <LifecycleView session={null} selectedId="00000000-0000-4000-8000-000000000002" />,
    );
    await api.fetch('/api/articles');
    await api.fetch('/api/articles/9', { method: 'DELETE' });

    const flow = await screen.findByRole('region', { name: 'Lifecycle of DELETE /api/articles/9' });
    expect(flow.querySelector('[aria-current="step"]')?.getAttribute('data-step')).toBe(
      'JwtAuthGuard',
    );
  });

  it('says so when the API records no traces', async () => {
    renderWithApi(<LifecycleView session={null} />, { withoutTracing: true });

    expect(await screen.findByText('This API does not record traces yet.')).toBeDefined();
    await vi.waitFor(() =>
      expect(screen.getByRole('status').textContent).toBe('This API has no live trace stream.'),
    );
  });
});

describe("LifecycleView and the playground's own calls", () => {
  it('hides background calls until asked, while a learner’s own request to the same path shows', async () => {
    const { api } = renderWithApi(<LifecycleView session={null} />);
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toContain('Live'));

    api.pushTrace({
      method: 'GET',
      path: '/api/auth/me',
      status: 200,
      events: [],
      background: true,
    });
    api.pushTrace({
      method: 'GET',
      path: '/api/health',
      status: 200,
      events: [],
      background: true,
    });
    api.pushTrace({ method: 'GET', path: '/api/auth/me', status: 401, events: [] });

    const list = screen.getByRole('list', { name: 'Recent requests, newest first' });
    const toggle = screen.getByRole('checkbox', { name: /Show the playground’s own calls/ });
    await vi.waitFor(() => expect(toggle.parentElement?.textContent).toMatch(/: 2 hidden$/));
    expect(
      within(list)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([expect.stringMatching(/^GET \/api\/auth\/me401/)]);

    fireEvent.click(toggle);
    expect(
      within(list)
        .getAllByRole('link')
        .map((link) => link.textContent),
    ).toEqual([
      expect.stringMatching(/^GET \/api\/auth\/me401/),
      expect.stringMatching(/^GET \/api\/health200/),
      expect.stringMatching(/^GET \/api\/auth\/me200/),
    ]);
    expect(toggle.parentElement?.textContent).not.toMatch(/hidden/);
  });
});
