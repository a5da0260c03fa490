import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '../../../test/render';
import { RbacMatrix } from './RbacMatrix';

describe('RbacMatrix', () => {
  it('draws routes by roles from /api/meta/routes with what each rule predicts', async () => {
    renderWithApi(<RbacMatrix />);

    const table = await screen.findByRole('table');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['Route and rule', 'nobody', 'user', 'writer', 'editor', 'admin']);
    const deleteRow = within(table)
      .getByRole('rowheader', { name: /DELETE \/api\/articles\/:id/ })
      .closest('tr')!;
    expect(within(deleteRow).getByRole('rowheader').textContent).toMatch(/permission delete$/);
    expect(
      within(deleteRow).getByRole('button', {
        name: /^Send DELETE \/api\/articles\/:id as nobody:/,
      }).textContent,
    ).toBe('Send DELETE /api/articles/:id as nobody: ✗ 401');
    expect(
      within(deleteRow).getByRole('button', {
        name: /^Send DELETE \/api\/articles\/:id as editor:/,
      }).textContent,
    ).toMatch(/: ✗ 403$/);
    expect(
      within(deleteRow).getByRole('button', { name: /^Send DELETE \/api\/articles\/:id as admin:/ })
        .textContent,
    ).toMatch(/: ✓ allowed$/);
  });

  it('sends a cell as that role and shows the answer and its lifecycle', async () => {
    const { api } = renderWithApi(<RbacMatrix />);

    fireEvent.click(
      await screen.findByRole('button', { name: /^Send GET \/api\/users as writer:/ }),
    );

    const cell = screen.getByRole('button', { name: /^Send GET \/api\/users as writer:/ });
    await vi.waitFor(() => expect(cell.textContent).toMatch(/: ✗ 403got 403$/));
    expect(cell.getAttribute('aria-pressed')).toBe('true');
    // The article picker reads the list as the authors too; the cell signs in as writer.
    const signIns = api.fetch.mock.calls
      .filter(([path]) => path === '/api/auth/signin')
      .map(([, init]) => JSON.parse(init?.body as string) as unknown);
    expect(signIns).toContainEqual({ username: 'writer', password: 'writer-demo-password' });
    const lifecycle = await screen.findByRole('region', { name: 'Lifecycle of GET /api/users' });
    expect(lifecycle.querySelector('[aria-current="step"]')?.getAttribute('data-step')).toBe(
      'RolesGuard',
    );
  });

  it('says so when the API publishes no route metadata', async () => {
    renderWithApi(<RbacMatrix />, { withoutTracing: true });

    expect(await screen.findByText(/does not publish its route metadata/)).toBeDefined();
  });
});
