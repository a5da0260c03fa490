import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { renderWithApi } from '../../../test/render';
import { LifecycleView } from './LifecycleView';

describe('the trace compare in the lifecycle view', () => {
  it('shows two picked requests side by side, aligned by step, with the differences marked', async () => {
    const { api } = renderWithApi(<LifecycleView session={null} />);
    await vi.waitFor(() => expect(screen.getAllByRole('status')[0]!.textContent).toContain('Live'));
    api.pushTrace({
      method: 'GET',
      path: '/api/lab/alg-none/weak',
      status: 200,
      events: [
        {
          step: 'LabVerifier',
          kind: 'guard',
          startMs: 0,
          durationMs: 0.1,
          outcome: 'pass',
          reason: 'Accepted.',
          checks: [{ name: 'exp', ok: true, text: 'in 14 min' }],
          detail: { alg: 'none', role: 'admin' },
        },
        {
          step: 'LabController.weak',
          kind: 'handler',
          startMs: 0.2,
          durationMs: 0.1,
          outcome: 'pass',
          reason: 'Answered.',
        },
      ],
    });
    api.pushTrace({
      method: 'GET',
      path: '/api/lab/alg-none/secure',
      status: 401,
      events: [
        {
          step: 'LabVerifier',
          kind: 'guard',
          startMs: 0,
          durationMs: 0.1,
          outcome: 'deny',
          reason: 'alg none is refused.',
          checks: [{ name: 'exp', ok: null, text: 'never checked' }],
          detail: { alg: 'none', role: 'admin' },
        },
      ],
      decidedBy: { step: 'LabVerifier', kind: 'guard', reason: 'alg none is refused.' },
    });
    const compare = screen.getByRole('region', { name: 'Compare two requests' });
    await vi.waitFor(() =>
      expect(within(compare).getByLabelText('Request A').querySelectorAll('option')).toHaveLength(
        3,
      ),
    );
    expect(compare.textContent).toContain('Pick request A and request B to compare.');

    const options = within(compare).getByLabelText('Request A').querySelectorAll('option');
    const secureId = (options[1] as HTMLOptionElement).value;
    const weakId = (options[2] as HTMLOptionElement).value;
    fireEvent.change(within(compare).getByLabelText('Request A'), { target: { value: weakId } });
    fireEvent.change(within(compare).getByLabelText('Request B'), { target: { value: secureId } });

    const table = within(compare).getByRole('table');
    expect([...table.querySelectorAll('thead th')].map((cell) => cell.textContent)).toEqual([
      'A: GET /api/lab/alg-none/weak',
      'B: GET /api/lab/alg-none/secure',
    ]);
    // Status, deciding step, the verifier's outcome and its exp check (passed versus not checked), the handler B never reached.
    expect(compare.textContent).toContain('5 differences, marked below.');
    const verifierRow = table.querySelector('tr[data-step="LabVerifier"]')!;
    expect(verifierRow.textContent).toContain('≠ differs');
    const cells = verifierRow.nextElementSibling!.querySelectorAll('td');
    expect(cells[0]!.textContent).toContain('exp ✓ passed (differs)');
    expect(cells[1]!.textContent).toContain('exp – not checked (differs)');
    // The same token: its facts agree, and are not marked.
    expect(cells[1]!.textContent).toContain('alg');
    expect(cells[1]!.querySelector('dd')!.textContent).toBe('none');
    const handler = table.querySelector('tr[data-step="LabController.weak"]')!.nextElementSibling!;
    expect(handler.querySelectorAll('td')[1]!.textContent).toBe('Not reached (differs)');
  });
});
