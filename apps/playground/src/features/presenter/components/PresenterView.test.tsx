import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { TokenResponse, Trace } from '@authlab/shared';
import type { PlaygroundSession } from '../../../lib/session-store';
import { createFakeApi } from '../../../test/fake-api';
import { renderWithApi } from '../../../test/render';
import { groupFailures, groupLine, isPlaygroundPlumbing } from '../lib/group-failures';
import { PresenterView } from './PresenterView';

type NewTrace = Omit<Trace, 'id' | 'startedAt' | 'durationMs' | 'owner'>;

const AUDIENCE_MISMATCH: NewTrace = {
  method: 'GET',
  path: '/api/articles',
  status: 401,
  events: [
    {
      step: 'JwtAuthGuard',
      kind: 'guard',
      startMs: 0,
      durationMs: 0.4,
      outcome: 'deny',
      reason: 'Refused the token of writer: aud was "another-api".',
      checks: [
        { name: 'signature', ok: true, text: 'verified' },
        { name: 'aud', ok: false, text: 'aud was "another-api", expected "authlab-api"' },
      ],
      detail: { subject: '3' },
    },
  ],
  decidedBy: { step: 'JwtAuthGuard', kind: 'guard', reason: 'Refused the token of writer.' },
};

const ROLE_REFUSED: NewTrace = {
  method: 'DELETE',
  path: '/api/articles/2',
  status: 403,
  events: [
    {
      step: 'RolesGuard',
      kind: 'guard',
      startMs: 0,
      durationMs: 0.1,
      outcome: 'deny',
      reason: 'Your role (editor) lacks "delete".',
    },
  ],
  decidedBy: { step: 'RolesGuard', kind: 'guard', reason: 'Your role (editor) lacks "delete".' },
};

const ALLOWED: NewTrace = { method: 'GET', path: '/api/articles', status: 200, events: [] };
const CLOCK_POLL: NewTrace = { method: 'GET', path: '/api/clock', status: 200, events: [] };

async function adminSession(api: ReturnType<typeof createFakeApi>): Promise<PlaygroundSession> {
  const response = await api.fetch('/api/auth/signin', {
    method: 'POST',
    body: JSON.stringify({ username: 'admin', password: 'admin-demo-password' }),
  });
  const body = (await response.json()) as TokenResponse;
  return {
    username: 'admin',
    role: 'admin',
    delivery: 'body',
    accessToken: body.accessToken,
    expiresIn: body.expiresIn,
  };
}

async function renderAsAdmin() {
  const api = createFakeApi();
  const session = await adminSession(api);
  renderWithApi(<PresenterView session={session} />, {}, api);
  await screen.findByText('Live');
  return api;
}

function classmate(index: number) {
  return { session: `classmate-session-${String(index).padStart(6, '0')}`, subject: String(index) };
}

describe('groupFailures', () => {
  it('counts failed requests by category, most frequent first, as "N requests: reason"', () => {
    const trace = (base: NewTrace, id: string): Trace => ({
      ...base,
      id,
      startedAt: '2026-11-27T18:00:00.000Z',
      durationMs: 1,
      owner: {},
    });
    const groups = groupFailures([
      trace(ROLE_REFUSED, 'a'),
      trace(AUDIENCE_MISMATCH, 'b'),
      trace(ALLOWED, 'c'),
      trace(AUDIENCE_MISMATCH, 'd'),
    ]);
    expect(groups.map(groupLine)).toEqual([
      '2 requests: audience mismatch',
      '1 request: missing role or permission',
    ]);
    expect(isPlaygroundPlumbing(trace(CLOCK_POLL, 'e'))).toBe(true);
    // The playground's own "Who am I?" with an expired token is not a learner's failure; the
    // same request sent by a learner is.
    const whoAmI: NewTrace = { ...ROLE_REFUSED, method: 'GET', path: '/api/auth/me', status: 401 };
    expect(isPlaygroundPlumbing(trace({ ...whoAmI, background: true }, 'h'))).toBe(true);
    expect(isPlaygroundPlumbing(trace(whoAmI, 'i'))).toBe(false);
    expect(isPlaygroundPlumbing(trace(ALLOWED, 'f'))).toBe(false);
    expect(isPlaygroundPlumbing(trace({ ...ALLOWED, path: '/assets/index-abc.js' }, 'g'))).toBe(
      true,
    );
  });
});

describe('PresenterView', () => {
  it('asks for an admin: learners see only their own requests', () => {
    renderWithApi(
      <PresenterView
        session={{
          username: 'writer',
          role: 'writer',
          delivery: 'body',
          accessToken: 'x.y.z',
          expiresIn: 900,
        }}
      />,
    );

    expect(screen.getByRole('heading', { level: 2, name: 'Presenter view' })).toBeDefined();
    expect(screen.getByText(/Sign in as/).textContent).toContain(
      'an admin sees every request of the class',
    );
    expect(screen.queryByRole('button', { name: 'Reset demo data' })).toBeNull();
  });

  it('groups the class’s failures by reason as they stream in, with no names, leaving out page loads', async () => {
    const api = await renderAsAdmin();

    act(() => {
      api.pushTrace(AUDIENCE_MISMATCH, classmate(1));
      api.pushTrace(ROLE_REFUSED, classmate(2));
      api.pushTrace(AUDIENCE_MISMATCH, classmate(3));
      api.pushTrace(ALLOWED, classmate(4));
      api.pushTrace(CLOCK_POLL, classmate(5));
    });

    const groups = await screen.findByRole('list', {
      name: 'Failures by reason, most frequent first',
    });
    await vi.waitFor(() => expect(within(groups).getAllByRole('listitem')).toHaveLength(2));
    expect(
      within(groups)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['2 requests: audience mismatch', '1 request: missing role or permission']);
    expect(screen.getByText(/^\d+ requests, 3 refused or failed$/)).toBeDefined();
    const live = screen.getByRole('list', { name: 'Newest requests first' });
    expect(within(live).queryByText(/\/api\/clock/)).toBeNull();
    expect(within(live).getAllByText('audience mismatch')).toHaveLength(2);
    expect(document.body.textContent).not.toMatch(/writer|classmate-session/);

    fireEvent.click(screen.getByRole('button', { name: 'Start counting again' }));
    expect(screen.getByText('0 requests, 0 refused or failed')).toBeDefined();
    expect(screen.getByText('No failed request yet.')).toBeDefined();
  });

  it('moves the simulated clock and puts it back, showing the API’s answer', async () => {
    const api = await renderAsAdmin();
    const clock = screen.getByRole('region', { name: 'Simulated clock' });
    await within(clock).findByText('Real time');

    fireEvent.click(within(clock).getByRole('button', { name: 'Fast-forward 15 minutes' }));

    await within(clock).findByText('15 min ahead');
    expect(within(clock).getByRole('status').textContent).toMatch(
      /^Fast-forward: 200 OK the API’s clock reads \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \(15 min ahead\)\.$/,
    );
    const call = api.fetch.mock.calls.find(([path]) => path === '/api/clock/advance');
    expect(JSON.parse(call?.[1]?.body as string)).toEqual({ seconds: 900 });
    expect(new Headers(call?.[1]?.headers).get('Authorization')).toMatch(/^Bearer /);

    fireEvent.click(within(clock).getByRole('button', { name: 'Reset clock' }));
    await within(clock).findByText('Real time');
  });

  it('resets the demo data and shows what the API answered', async () => {
    await renderAsAdmin();
    const demo = screen.getByRole('region', { name: 'Demo data' });

    fireEvent.click(within(demo).getByRole('button', { name: 'Reset demo data' }));

    expect((await within(demo).findByRole('status')).textContent).toBe(
      'Reset demo data: 200 OK users: 4, articles: 3',
    );
  });
});
