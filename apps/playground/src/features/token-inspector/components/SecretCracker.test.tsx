import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { signHmacJws } from '../../../lib/jws';
import type { PlaygroundSession } from '../../../lib/session-store';
import { verifiedSignatureStore } from '../../../lib/signature-verification';
import { renderWithApi } from '../../../test/render';
import { BUILTIN_WORDLIST } from '../cracking/builtin-wordlist';
import { TokenInspector } from './TokenInspector';

const HEADER = { alg: 'HS256', typ: 'at+jwt' };
const CLAIMS = { sub: '0', role: 'user', exp: 4_000_000_000 };

function session(accessToken: string): PlaygroundSession {
  return { username: 'user', role: 'user', delivery: 'body', accessToken, expiresIn: 900 };
}

describe('the wordlist cracker in the token inspector', () => {
  // A few thousand real HMACs: on a busy machine that takes a while.
  it(
    'finds a word secret by one HMAC per guess, counting guesses and their rate',
    { timeout: 60_000 },
    async () => {
      const token = await signHmacJws(HEADER, CLAIMS, 'secret', 'utf8');
      renderWithApi(<TokenInspector session={session(token)} />);

      fireEvent.click(screen.getByRole('button', { name: 'Start cracking' }));

      await waitFor(
        () => expect(screen.getByText('secret', { selector: '.cracked-secret' })).toBeDefined(),
        { timeout: 50_000 },
      );
      const position = BUILTIN_WORDLIST.indexOf('secret') + 1;
      expect(position).toBeGreaterThan(1000); // not the first guess: the list is really walked
      const status = screen.getByRole('status', { name: 'Cracking progress' });
      expect(status.textContent).toContain(
        `Tried ${position.toLocaleString('en')} of ${BUILTIN_WORDLIST.length.toLocaleString('en')} words`,
      );
      expect(status.textContent).toMatch(/[\d,]+ guesses per second/);
      expect(
        screen.getByRole<HTMLProgressElement>('progressbar', { name: 'Guesses tried' }).value,
      ).toBe(position);
      expect(verifiedSignatureStore.get()).toEqual({ token, keyKind: 'secret' });
    },
  );

  it(
    'says so when no word gives the signature, after trying every one',
    { timeout: 60_000 },
    async () => {
      const random = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))));
      const token = await signHmacJws(HEADER, CLAIMS, random, 'base64');
      renderWithApi(<TokenInspector session={session(token)} />);

      fireEvent.click(screen.getByRole('button', { name: 'Start cracking' }));

      await waitFor(() => expect(screen.getByText(/No word in this list/)).toBeDefined(), {
        timeout: 50_000,
      });
      expect(screen.getByRole('status', { name: 'Cracking progress' }).textContent).toContain(
        `Tried ${BUILTIN_WORDLIST.length.toLocaleString('en')} of`,
      );
      expect(screen.queryByText(/Found the secret/)).toBeNull();
    },
  );

  it('tries a list of my own, with spaces kept as part of a word', async () => {
    const token = await signHmacJws(HEADER, CLAIMS, 'correct horse', 'utf8');
    renderWithApi(<TokenInspector session={session(token)} />);

    fireEvent.click(screen.getByRole('radio', { name: 'My own list' }));
    fireEvent.change(screen.getByLabelText('Words to try, one a line'), {
      target: { value: 'correct\nhorse\ncorrect horse\n' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start cracking' }));

    await waitFor(() =>
      expect(screen.getByText('correct horse', { selector: '.cracked-secret' })).toBeDefined(),
    );
    expect(screen.getByRole('status', { name: 'Cracking progress' }).textContent).toContain(
      'Tried 3 of 3 words',
    );
  });

  it('is not offered for a token that is not HMAC-signed', async () => {
    const token = await signHmacJws(HEADER, CLAIMS, 'secret', 'utf8');
    const [, payload] = token.split('.');
    const unsigned = `${btoa(JSON.stringify({ alg: 'none' })).replace(/=+$/, '')}.${payload}.`;
    renderWithApi(<TokenInspector session={session(unsigned)} />);
    expect(screen.queryByRole('button', { name: 'Start cracking' })).toBeNull();
  });
});
