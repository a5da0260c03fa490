import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { RawResponse } from '../lib/api-client';
import { ResponseView } from './ResponseView';

const REFUSED: RawResponse = {
  status: 401,
  statusText: 'Unauthorized',
  headers: [
    ['cache-control', 'no-store'],
    ['content-type', 'application/json; charset=utf-8'],
    ['www-authenticate', 'Bearer realm="authlab", error="invalid_token"'],
    ['x-content-type-options', 'nosniff'],
    ['x-trace-id', '4f1c2a9e-0000-4000-8000-000000000001'],
  ],
  body: { statusCode: 401, error: 'Unauthorized', message: 'The token has expired.' },
  traceId: '4f1c2a9e-0000-4000-8000-000000000001',
  durationMs: 3.2,
};

describe('ResponseView', () => {
  it('shows WWW-Authenticate, Cache-Control and X-Trace-Id up front, the other headers folded', () => {
    render(<ResponseView response={REFUSED} label="Response of GET /api/articles" />);

    const key = screen.getAllByRole('term')[0]!.closest('dl')!;
    expect(key.closest('details')).toBeNull();
    expect(
      within(key)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['www-authenticate', 'cache-control', 'x-trace-id']);
    expect(within(key).getAllByRole('definition')[0]?.textContent).toBe(
      'Bearer realm="authlab", error="invalid_token"',
    );

    const folded = screen.getByText('Other response headers (2)').closest('details')!;
    expect(folded.open).toBe(false);
    expect(
      within(folded)
        .getAllByRole('rowheader')
        .map((cell) => cell.textContent),
    ).toEqual(['content-type', 'x-content-type-options']);
  });

  it('keeps every header in the folded list when none of the key ones came', () => {
    render(
      <ResponseView
        response={{ ...REFUSED, status: 200, headers: [['content-type', 'text/plain']] }}
        label="Response of GET /api/health"
      />,
    );
    expect(screen.queryByRole('term')).toBeNull();
    expect(screen.getByText('Response headers (1)')).toBeDefined();
  });

  it('copies a PEM with its final newline and a token as it is, each from its own button', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    onTestFinished(() => {
      Reflect.deleteProperty(navigator, 'clipboard');
    });
    const pem = '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n';
    render(
      <ResponseView
        response={{ ...REFUSED, status: 200, statusText: 'OK', body: { pem, token: 'a.b.c' } }}
        label="Response of GET /api/lab/issuer/public-key"
      />,
    );

    fireEvent.click(screen.getByRole('button', { name: 'Copy pem' }));
    await screen.findByText('Copied.');
    expect(writeText).toHaveBeenLastCalledWith(pem);
    fireEvent.click(screen.getByRole('button', { name: 'Copy token' }));
    expect(writeText).toHaveBeenLastCalledWith('a.b.c');
  });
});
