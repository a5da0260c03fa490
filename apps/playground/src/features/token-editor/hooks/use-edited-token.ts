import { useEffect, useState } from 'react';
import { HMAC_ALGORITHMS, reassembleJws, signHmacJws, type SecretEncoding } from '../../../lib/jws';
import { signAsymmetricJws, type AsymmetricAlgorithm } from '../../../lib/jws-keys';

export type SigningChoice =
  | { kind: 'resign'; secret: string; encoding: SecretEncoding; emptyKey?: boolean }
  | { kind: 'private-key'; privateKey: string; alg: AsymmetricAlgorithm }
  | { kind: 'keep' }
  | { kind: 'none' };

export type EditedToken =
  { status: 'ready'; token: string } | { status: 'working' } | { status: 'problem'; text: string };

/** Builds the edited token: re-signed with the secret typed, with the old signature kept, or unsigned. */
export function useEditedToken(
  header: Record<string, unknown> | undefined,
  payload: Record<string, unknown> | undefined,
  oldSignature: string,
  signing: SigningChoice,
): EditedToken {
  const input = header && payload ? JSON.stringify([header, payload, oldSignature, signing]) : null;
  const [settled, setSettled] = useState<{ input: string; result: EditedToken } | null>(null);

  useEffect(() => {
    if (input === null || !header || !payload) return;
    let current = true;
    const finish = (result: EditedToken) => {
      if (current) setSettled({ input, result });
    };
    if (signing.kind === 'keep')
      finish({ status: 'ready', token: reassembleJws(header, payload, oldSignature) });
    // The header goes out exactly as the header box shows it: choosing "no signature" wrote alg none there.
    else if (signing.kind === 'none')
      finish({ status: 'ready', token: reassembleJws(header, payload, '') });
    else if (signing.kind === 'private-key') {
      if (header.alg !== signing.alg)
        finish({
          status: 'problem',
          text: `A ${signing.alg} key signs with alg "${signing.alg}": set it in the header.`,
        });
      else if (signing.privateKey.trim() === '')
        finish({ status: 'problem', text: 'Paste a private key, or generate one.' });
      else
        signAsymmetricJws(header, payload, signing.privateKey, signing.alg).then(
          (token) => finish({ status: 'ready', token }),
          (error: unknown) =>
            finish({
              status: 'problem',
              text: error instanceof Error ? error.message : String(error),
            }),
        );
    } else if (
      typeof header.alg !== 'string' ||
      !(HMAC_ALGORITHMS as readonly string[]).includes(header.alg)
    )
      finish({
        status: 'problem',
        text: 'A secret makes an HMAC signature: set "alg" in the header to HS256, HS384 or HS512.',
      });
    else if (signing.secret === '' && !signing.emptyKey)
      finish({ status: 'problem', text: 'Type the secret to sign with.' });
    else {
      signHmacJws(header, payload, signing.secret, signing.encoding, {
        emptyKey: signing.emptyKey ?? false,
      }).then(
        (token) => finish({ status: 'ready', token }),
        (error: unknown) =>
          finish({
            status: 'problem',
            text: error instanceof Error ? error.message : String(error),
          }),
      );
    }
    return () => {
      current = false;
    };
    // input holds every argument by value.
  }, [input]);

  if (input === null)
    return { status: 'problem', text: 'The header and payload must both be JSON objects.' };
  if (settled?.input !== input) return { status: 'working' };
  return settled.result;
}
