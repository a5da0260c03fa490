import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { chosenTokenStore } from '../../../lib/current-token';
import { decodeJwt } from '../../../lib/decode-jwt';
import { verifyJws } from '../../../lib/jws';
import type { PlaygroundSession } from '../../../lib/session-store';
import { base64url, FAKE_SECRET, signedAccessToken } from '../../../test/fake-api';
import { renderWithApi } from '../../../test/render';
import { TokenEditor } from './TokenEditor';

const NOW = Math.floor(Date.now() / 1000);
const CLAIMS = {
  sub: '3',
  username: 'writer',
  role: 'writer',
  iat: NOW,
  exp: NOW + 900,
  iss: 'authlab',
  aud: 'authlab-api',
  jti: 'j-1',
};

async function writerSession(): Promise<PlaygroundSession> {
  return {
    username: 'writer',
    role: 'writer',
    delivery: 'body',
    accessToken: await signedAccessToken(CLAIMS),
    expiresIn: 900,
  };
}

function editedToken(): string {
  const figure = screen.getByLabelText('Edited token');
  return ['header', 'payload', 'signature']
    .map((part) => figure.querySelector(`[data-part="${part}"]`)?.textContent)
    .join('.');
}

describe('TokenEditor', () => {
  it('changes the role, keeps the old signature, and shows the API refusing the token with its trace', async () => {
    const { api } = renderWithApi(<TokenEditor session={await writerSession()} />);

    fireEvent.change(screen.getByLabelText('role'), { target: { value: 'admin' } });
    await vi.waitFor(() => {
      const decoded = decodeJwt(editedToken());
      expect(decoded.ok && decoded.payload.ok && decoded.payload.value.role).toBe('admin');
    });
    fireEvent.click(screen.getByRole('button', { name: 'Send with the edited token' }));

    // The fake API knows only the tokens it issued, as the real one knows only its own signatures.
    const verdict = await screen.findByText(/The API refused it/);
    expect(verdict.closest('p')?.textContent).toContain('(401)');
    const call = api.fetch.mock.calls.find(([path]) => path === '/api/auth/me');
    expect(new Headers(call?.[1]?.headers).get('Authorization')).toBe(`Bearer ${editedToken()}`);
    expect(
      await screen.findByRole('region', { name: 'Lifecycle of GET /api/auth/me' }),
    ).toBeDefined();
  });

  it('re-signs with the secret typed, so the signature verifies again', async () => {
    renderWithApi(<TokenEditor session={await writerSession()} />);

    fireEvent.change(screen.getByLabelText('aud'), { target: { value: 'another-api' } });
    fireEvent.click(screen.getByRole('radio', { name: /Re-sign with a secret/ }));
    expect(screen.getByText('Type the secret to sign with.')).toBeDefined();
    fireEvent.change(screen.getByLabelText('Secret is'), { target: { value: 'base64' } });
    fireEvent.change(screen.getByLabelText('Secret to sign with'), {
      target: { value: FAKE_SECRET },
    });

    await vi.waitFor(async () => {
      const token = editedToken();
      const decoded = decodeJwt(token);
      expect(decoded.ok && decoded.payload.ok && decoded.payload.value.aud).toBe('another-api');
      expect(
        (await verifyJws(token, { kind: 'secret', secret: FAKE_SECRET, encoding: 'base64' }))
          .status,
      ).toBe('verified');
    });
  });

  it('makes an unsigned alg none token, and sets exp from minutes', async () => {
    renderWithApi(<TokenEditor session={await writerSession()} />);

    fireEvent.change(screen.getByLabelText('exp: minutes from now'), { target: { value: '-5' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set exp' }));
    fireEvent.click(screen.getByRole('radio', { name: /No signature/ }));

    await vi.waitFor(() => {
      const decoded = decodeJwt(editedToken());
      if (!decoded.ok || !decoded.header.ok || !decoded.payload.ok) throw new Error('not decoded');
      expect(decoded.header.value.alg).toBe('none');
      expect(decoded.segments.signature).toBe('');
      expect(decoded.payload.value.exp).toBeLessThan(Date.now() / 1000);
    });
  });

  it('marks a payload that is not JSON and offers nothing to send', async () => {
    renderWithApi(<TokenEditor session={await writerSession()} />);

    fireEvent.change(screen.getByLabelText('Payload (JSON)'), { target: { value: '{"role": ' } });

    expect(screen.getByLabelText('Payload (JSON)').getAttribute('aria-invalid')).toBe('true');
    expect(
      within(screen.getByLabelText('Payload (JSON)').parentElement!).getByText(
        'Not a JSON object.',
      ),
    ).toBeDefined();
    expect(
      screen.getByRole('button', { name: 'Send with the edited token' }).hasAttribute('disabled'),
    ).toBe(true);
  });

  it('makes the edited token the playground’s current token', async () => {
    renderWithApi(<TokenEditor session={await writerSession()} />);
    fireEvent.change(screen.getByLabelText('role'), { target: { value: 'admin' } });
    await vi.waitFor(() =>
      expect(decodeJwt(editedToken()).ok && editedToken().includes('.')).toBe(true),
    );

    fireEvent.click(await screen.findByRole('button', { name: 'Use this token' }));

    expect(chosenTokenStore.get()).toEqual({ token: editedToken(), from: 'the token editor' });
  });

  it('offers the lab’s weak and secure verifiers as targets when the lab is on', async () => {
    renderWithApi(<TokenEditor session={await writerSession()} />, { withLab: true });

    const targets = screen.getByLabelText<HTMLSelectElement>('Send it to');
    await vi.waitFor(() =>
      expect([...targets.options].map((option) => option.textContent)).toContain(
        'GET /api/lab/alg-none/weak',
      ),
    );
    expect([...targets.options].map((option) => option.textContent)).toContain(
      'GET /api/lab/weak-secret/secure',
    );
  });

  it('signs with an empty key when asked (the kid-injection attack)', async () => {
    renderWithApi(<TokenEditor session={await writerSession()} />);
    fireEvent.click(screen.getByRole('radio', { name: /Re-sign with a secret/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /Sign with an empty key/ }));

    expect(screen.getByLabelText('Secret to sign with').hasAttribute('disabled')).toBe(true);
    const { createHmac } = await import('node:crypto');
    await vi.waitFor(() => {
      const [header = '', payload = '', signature] = editedToken().split('.');
      expect(signature).toBe(
        createHmac('sha256', Buffer.alloc(0)).update(`${header}.${payload}`).digest('base64url'),
      );
    });
  });

  it('shows in the header box the header of the token it sends: alg none when unsigned, its own alg again when kept', async () => {
    const { api } = renderWithApi(<TokenEditor session={await writerSession()} />);
    const headerBox = screen.getByLabelText<HTMLTextAreaElement>('Header (JSON)');

    fireEvent.click(screen.getByRole('radio', { name: /No signature/ }));
    expect(JSON.parse(headerBox.value)).toMatchObject({ alg: 'none' });
    await vi.waitFor(() => expect(editedToken().endsWith('.')).toBe(true));
    fireEvent.click(screen.getByRole('button', { name: 'Send with the edited token' }));
    await screen.findByText(/The API refused it/);
    const call = api.fetch.mock.calls.find(([path]) => path === '/api/auth/me');
    const sent = new Headers(call?.[1]?.headers).get('Authorization')?.replace('Bearer ', '') ?? '';
    const decoded = decodeJwt(sent);
    expect(decoded.ok && decoded.header.ok && decoded.header.value).toEqual(
      JSON.parse(headerBox.value),
    );

    fireEvent.click(screen.getByRole('radio', { name: /Keep the old signature/ }));
    expect(JSON.parse(headerBox.value)).toMatchObject({ alg: 'HS256' });
  });

  it('re-signing a token whose alg is not HMAC writes HS256 into the header box, and never sends another alg than it shows', async () => {
    const session = await writerSession();
    // An ES256 header over the writer's claims; the signature does not matter here.
    session.accessToken = `${base64url(JSON.stringify({ alg: 'ES256', typ: 'at+jwt' }))}.${base64url(JSON.stringify(CLAIMS))}.c2ln`;
    renderWithApi(<TokenEditor session={session} />);
    const headerBox = screen.getByLabelText<HTMLTextAreaElement>('Header (JSON)');
    expect(JSON.parse(headerBox.value)).toMatchObject({ alg: 'ES256' });

    fireEvent.click(screen.getByRole('radio', { name: /Re-sign with a secret/ }));
    expect(JSON.parse(headerBox.value)).toMatchObject({ alg: 'HS256' });
    fireEvent.change(screen.getByLabelText('Secret to sign with'), { target: { value: 'x' } });
    await vi.waitFor(() => {
      const decoded = decodeJwt(editedToken());
      expect(decoded.ok && decoded.header.ok && decoded.header.value).toEqual(
        JSON.parse(headerBox.value),
      );
    });

    // A header typed by hand is sent as typed, or not at all: never quietly rewritten.
    fireEvent.change(headerBox, { target: { value: '{"alg": "RS256"}' } });
    expect(
      await screen.findByText(/A secret makes an HMAC signature: set "alg" in the header/),
    ).toBeDefined();
    expect(
      screen.getByRole('button', { name: 'Send with the edited token' }).hasAttribute('disabled'),
    ).toBe(true);
  });

  it('copies the edited token exactly', async () => {
    const writeText = vi.fn((_text: string) => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    onTestFinished(() => {
      Reflect.deleteProperty(navigator, 'clipboard');
    });
    renderWithApi(<TokenEditor session={await writerSession()} />);
    await vi.waitFor(() => expect(editedToken().split('.')).toHaveLength(3));

    fireEvent.click(screen.getByRole('button', { name: 'Copy edited token' }));

    await screen.findByText('Copied.');
    expect(writeText).toHaveBeenCalledWith(editedToken());
  });

  it('withdraws a verdict once the edited token is no longer the one that was sent', async () => {
    renderWithApi(<TokenEditor session={await writerSession()} />);
    fireEvent.change(screen.getByLabelText('role'), { target: { value: 'admin' } });
    await vi.waitFor(() => expect(editedToken()).toContain('.'));
    fireEvent.click(screen.getByRole('button', { name: 'Send with the edited token' }));
    await screen.findByText(/The API refused it/);

    fireEvent.click(screen.getByRole('radio', { name: /No signature/ }));

    expect(await screen.findByText(/The token changed since it was sent/)).toBeDefined();
    expect(screen.queryByText(/The API refused it/)).toBeNull();
  });
});
