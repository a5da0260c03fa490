import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { CSRF_COOKIE } from '@authlab/shared';
import { apiRequestWithTrace } from '../../../lib/api-client';
import type { PlaygroundSession } from '../../../lib/session-store';
import { createFakeApi } from '../../../test/fake-api';
import { renderWithApi } from '../../../test/render';
import { CookieView } from './CookieView';

describe('CookieView', () => {
  it('explains every attribute of a pasted Set-Cookie header', () => {
    renderWithApi(<CookieView session={null} />);

    fireEvent.change(screen.getByLabelText('Set-Cookie header'), {
      target: { value: 'sid=abc; Path=/; HttpOnly; SameSite=Lax' },
    });

    const card = screen.getByRole('article', { name: 'Cookie sid' });
    const terms = within(card)
      .getAllByRole('term')
      .map((term) => term.textContent);
    expect(terms).toEqual([
      'HttpOnly (protects)',
      'no Secure (weaker)',
      'SameSite=Lax (protects)',
      'Path=/ (note)',
      'no Max-Age or Expires (note)',
    ]);
    expect(card.textContent).toContain('JavaScript cannot read it');
  });

  it('in cookie mode, explains the cookies the sign-in set and compares what scripts see with what the server received', async () => {
    const api = createFakeApi();
    vi.stubGlobal('fetch', api.fetch);
    const { traceId } = await apiRequestWithTrace('/api/auth/signin?mode=cookie', {
      method: 'POST',
      body: { username: 'editor', password: 'editor-demo-password' },
    });
    const session: PlaygroundSession = {
      username: 'editor',
      role: 'editor',
      delivery: 'cookie',
      expiresIn: 900,
      ...(traceId ? { signInTraceId: traceId } : {}),
    };

    renderWithApi(<CookieView session={session} />, {}, api);

    const access = await screen.findByRole('article', { name: 'Cookie authlab_access' });
    expect(
      within(access)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual([
      'HttpOnly (protects)',
      'no Secure (weaker)',
      'SameSite=Strict (protects)',
      'Path=/ (note)',
      'Max-Age=900 (note)',
    ]);

    const table = screen.getByRole('table', { name: /Each cookie/ });
    const accessRow = within(table)
      .getByRole('rowheader', { name: 'authlab_access' })
      .closest('tr')!;
    expect(accessRow.textContent).toContain('hidden from scripts');
    expect(await within(table).findByText('received (300 characters)')).toBeDefined();
    const csrfRow = within(table).getByRole('rowheader', { name: CSRF_COOKIE }).closest('tr')!;
    expect(csrfRow.textContent).toContain('visible');
    expect(screen.getByText(/yet no script on this page can read them/)).toBeDefined();
  });

  it('tells how to switch to cookie mode when the session uses a bearer token', () => {
    renderWithApi(
      <CookieView
        session={{
          username: 'user',
          role: 'user',
          delivery: 'body',
          accessToken: 'a.b.c',
          expiresIn: 900,
        }}
      />,
    );

    expect(screen.getByText(/Not in cookie mode/)).toBeDefined();
  });
});
