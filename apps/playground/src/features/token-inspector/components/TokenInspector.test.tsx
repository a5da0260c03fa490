import { act, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { textToBase64url } from '../../../lib/base64url';
import { signHmacJws } from '../../../lib/jws';
import type { PlaygroundSession } from '../../../lib/session-store';
import { verifiedSignatureStore } from '../../../lib/signature-verification';
import { FAKE_SECRET, signedAccessToken } from '../../../test/fake-api';
import { renderWithApi } from '../../../test/render';
import { TokenInspector } from './TokenInspector';

const NOW = 1_764_268_320;
const CLAIMS = {
  sub: '3',
  username: 'writer',
  role: 'writer',
  iat: NOW - 628,
  exp: NOW + 272,
  iss: 'authlab',
  aud: 'authlab-api',
  jti: 'j-1',
};

function session(accessToken: string): PlaygroundSession {
  return { username: 'writer', role: 'writer', delivery: 'body', accessToken, expiresIn: 900 };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('TokenInspector', () => {
  it('explains each claim with its RFC and shows times as dates, with a live countdown', async () => {
    vi.useFakeTimers({ now: NOW * 1000, toFake: ['Date'] });
    renderWithApi(<TokenInspector session={session(await signedAccessToken(CLAIMS))} />);

    const claims = screen.getByRole('table', { name: 'Payload claims' });
    const expRow = within(claims).getByRole('rowheader', { name: 'exp' }).closest('tr')!;
    expect(expRow.textContent).toContain('Expiry time');
    expect(expRow.textContent).toContain('RFC 7519 §4.1.4');
    expect(within(expRow).getByText('(in 4 min)')).toBeDefined();
    expect(expRow.querySelector('time')?.getAttribute('datetime')).toBe(
      new Date((NOW + 272) * 1000).toISOString(),
    );
    expect(
      within(screen.getByRole('table', { name: 'Header fields' }))
        .getByRole('rowheader', { name: 'typ' })
        .closest('tr')?.textContent,
    ).toContain('RFC 9068');

    const timer = screen.getByRole('timer', { name: 'Token expiry' });
    expect(timer.textContent).toBe('Expires in 4:32');
    act(() => {
      vi.setSystemTime((NOW + 300) * 1000);
    });
    await vi.waitFor(() => expect(timer.textContent).toContain('Expired 28 s ago'), {
      timeout: 2000,
    });
  });

  it('verifies the signature with the right secret, and never leaves "verified" up once the secret changes', async () => {
    renderWithApi(<TokenInspector session={session(await signedAccessToken(CLAIMS))} />);
    const result = screen.getByRole('status', { name: 'Signature' });
    expect(result.textContent).toContain('Not checked');

    fireEvent.change(screen.getByLabelText('Secret is'), { target: { value: 'base64' } });
    fireEvent.change(screen.getByLabelText('Secret'), { target: { value: FAKE_SECRET } });
    await vi.waitFor(() => expect(result.textContent).toContain('✓ Verified'));

    fireEvent.change(screen.getByLabelText('Secret'), {
      target: { value: `${FAKE_SECRET.slice(0, -2)}A=` },
    });
    expect(result.textContent).not.toContain('Verified');
    await vi.waitFor(() => expect(result.textContent).toContain('✗ Does not match'));

    fireEvent.change(screen.getByLabelText('Secret is'), { target: { value: 'utf8' } });
    fireEvent.change(screen.getByLabelText('Secret'), { target: { value: FAKE_SECRET } });
    expect(result.textContent).not.toContain('Verified');
    await vi.waitFor(() => expect(result.textContent).toContain('✗ Does not match'));
  });

  it('tells the lessons "verified with a secret" for this exact token, only once WebCrypto said yes', async () => {
    const token = await signedAccessToken(CLAIMS);
    renderWithApi(<TokenInspector session={session(token)} />);
    const result = screen.getByRole('status', { name: 'Signature' });

    fireEvent.change(screen.getByLabelText('Secret is'), { target: { value: 'base64' } });
    fireEvent.change(screen.getByLabelText('Secret'), {
      target: { value: `${FAKE_SECRET.slice(0, -2)}A=` },
    });
    await vi.waitFor(() => expect(result.textContent).toContain('✗ Does not match'));
    expect(verifiedSignatureStore.get()).toBeNull();

    fireEvent.change(screen.getByLabelText('Secret'), { target: { value: FAKE_SECRET } });
    await vi.waitFor(() =>
      expect(verifiedSignatureStore.get()).toEqual({ token, keyKind: 'secret' }),
    );
  });

  it('shows the current token the learner chose instead of the session’s', async () => {
    const chosen = await signedAccessToken({ ...CLAIMS, role: 'admin' });
    renderWithApi(
      <TokenInspector session={session(await signedAccessToken(CLAIMS))} currentToken={chosen} />,
    );

    expect(screen.getByLabelText<HTMLTextAreaElement>('Token to inspect').value).toBe(chosen);
  });

  it('turns a verified token into a mismatch when one character of the payload is edited', async () => {
    const token = await signedAccessToken(CLAIMS);
    renderWithApi(<TokenInspector session={session(token)} />);
    fireEvent.change(screen.getByLabelText('Secret is'), { target: { value: 'base64' } });
    fireEvent.change(screen.getByLabelText('Secret'), { target: { value: FAKE_SECRET } });
    const result = screen.getByRole('status', { name: 'Signature' });
    await vi.waitFor(() => expect(result.textContent).toContain('✓ Verified'));

    const [header, , signature] = token.split('.');
    fireEvent.change(screen.getByLabelText('Token to inspect'), {
      target: {
        value: `${header}.${textToBase64url(JSON.stringify({ ...CLAIMS, role: 'admin' }))}.${signature}`,
      },
    });
    expect(result.textContent).not.toContain('Verified');
    await vi.waitFor(() => expect(result.textContent).toContain('✗ Does not match'));
  });

  it('says the API publishes no key for HS256 when the JWKS is chosen', async () => {
    const { api } = renderWithApi(
      <TokenInspector session={session(await signedAccessToken(CLAIMS))} />,
    );
    api.fetch.mockImplementationOnce(async () => Response.json({ keys: [] }));

    fireEvent.click(screen.getByRole('radio', { name: 'The API’s JWKS' }));

    const result = screen.getByRole('status', { name: 'Signature' });
    await vi.waitFor(() => expect(result.textContent).toContain('never published'));
    expect(result.textContent).toContain('Cannot check');
  });

  it('warns about alg none, a missing exp and personal data', () => {
    const token = `${textToBase64url(JSON.stringify({ alg: 'none' }))}.${textToBase64url(JSON.stringify({ sub: '1', email: 'ada@example.com' }))}.`;
    renderWithApi(<TokenInspector session={null} />);

    fireEvent.change(screen.getByLabelText('Token to inspect'), { target: { value: token } });

    const warnings = screen.getByRole('list', { name: 'Warnings' });
    expect(warnings.textContent).toContain('alg is "none"');
    expect(warnings.textContent).toContain('No exp claim');
    expect(warnings.textContent).toContain('Personal data in the payload (email)');
    expect(screen.getByText('No expiry: this token never expires.')).toBeDefined();
  });

  it('decodes a broken token as far as it can and points at where the payload stops being JSON', () => {
    const header = textToBase64url(JSON.stringify({ alg: 'HS256', typ: 'at+jwt' }));
    renderWithApi(<TokenInspector session={null} />);

    fireEvent.change(screen.getByLabelText('Token to inspect'), {
      target: { value: `${header}.${textToBase64url('{"sub":"3","role":}')}.c2ln` },
    });

    expect(
      JSON.parse(screen.getByRole('region', { name: 'Decoded header' }).textContent ?? ''),
    ).toEqual({ alg: 'HS256', typ: 'at+jwt' });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain(
      'The payload decodes to text that is not JSON, at character 19.',
    );
    expect(alert.querySelector('mark')?.textContent).toBe('}');
  });

  it('reads a typed secret as plain text unless told otherwise, so a passphrase verifies as typed', async () => {
    const token = await signHmacJws({ alg: 'HS256' }, CLAIMS, 'my-practice-secret', 'utf8');
    renderWithApi(<TokenInspector session={session(token)} />);

    expect(screen.getByLabelText<HTMLSelectElement>('Secret is').value).toBe('utf8');
    fireEvent.change(screen.getByLabelText('Secret'), {
      target: { value: 'my-practice-secret' },
    });
    const result = screen.getByRole('status', { name: 'Signature' });
    await vi.waitFor(() => expect(result.textContent).toContain('✓ Verified'));
    expect(screen.queryByRole('note')).toBeNull();
  });

  it('warns when a "base64" secret is not valid base64 or decodes to readable text, and not for real key bytes', async () => {
    renderWithApi(<TokenInspector session={session(await signedAccessToken(CLAIMS))} />);
    fireEvent.change(screen.getByLabelText('Secret is'), { target: { value: 'base64' } });

    fireEvent.change(screen.getByLabelText('Secret'), {
      target: { value: 'my-practice-secret' },
    });
    expect(screen.getByRole('note').textContent).toContain('not valid base64');

    fireEvent.change(screen.getByLabelText('Secret'), { target: { value: btoa('secret') } });
    expect(screen.getByRole('note').textContent).toContain('decodes to readable text (“secret”)');

    fireEvent.change(screen.getByLabelText('Secret'), { target: { value: FAKE_SECRET } });
    expect(screen.queryByRole('note')).toBeNull();
  });
});
