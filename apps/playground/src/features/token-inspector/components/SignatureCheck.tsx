import { useEffect, useId, useState } from 'react';
import { SecretField } from '../../../components/SecretField';
import { selectJwk, type SecretEncoding, type VerificationKey } from '../../../lib/jws';
import { verifiedSignatureStore } from '../../../lib/signature-verification';
import { useJwks } from '../api/get-jwks';
import { useSignatureCheck, type SignatureCheckState } from '../hooks/use-signature-check';

type KeySource = 'secret' | 'pem' | 'jwks';

interface SignatureCheckProps {
  token: string;
  kid: unknown;
}

const RESULT_TITLES: Readonly<Record<SignatureCheckState['status'], string>> = {
  idle: 'Not checked',
  checking: 'Checking…',
  verified: '✓ Verified',
  mismatch: '✗ Does not match',
  'cannot-check': '? Cannot check',
};

function resultText(state: SignatureCheckState, jwksProblem: string | undefined): string {
  if (jwksProblem) return jwksProblem;
  switch (state.status) {
    case 'idle':
      return 'Give a key to check the signature. Decoding alone proves nothing: anyone can write a payload.';
    case 'checking':
      return 'Running WebCrypto on the current token and key.';
    default:
      return state.text;
  }
}

/** Checks the token's signature in the browser with a secret, a PEM public key or the API's JWKS. */
export function SignatureCheck({ token, kid }: SignatureCheckProps) {
  const [source, setSource] = useState<KeySource>('secret');
  const [secret, setSecret] = useState('');
  // Plain text first: a passphrase read as base64 gives other bytes and a check that never matches.
  const [encoding, setEncoding] = useState<SecretEncoding>('utf8');
  const [pem, setPem] = useState('');
  const jwks = useJwks(source === 'jwks');
  const ids = useId();

  let key: VerificationKey | null = null;
  let jwksProblem: string | undefined;
  if (source === 'secret' && secret !== '') key = { kind: 'secret', secret, encoding };
  if (source === 'pem' && pem.trim() !== '') key = { kind: 'pem', pem };
  if (source === 'jwks') {
    if (jwks.isPending) jwksProblem = 'Loading /.well-known/jwks.json…';
    else if (jwks.isError) jwksProblem = `Could not load the key set: ${jwks.error.message}`;
    else {
      const selected = selectJwk(jwks.data.keys, kid);
      if ('problem' in selected) jwksProblem = selected.problem;
      else
        key = {
          kind: 'jwk',
          jwk: selected.key,
          source: `from /.well-known/jwks.json${typeof kid === 'string' ? ` (kid ${kid})` : ''}`,
        };
    }
  }
  const state = useSignatureCheck(token, key);
  const status =
    source === 'jwks' && jwks.isPending ? 'checking' : jwksProblem ? 'cannot-check' : state.status;

  // Lessons ask for "verified with a secret": say so for this exact token, only once WebCrypto said yes.
  useEffect(() => {
    if (status === 'verified') verifiedSignatureStore.set({ token, keyKind: source });
  }, [status, token, source]);

  return (
    <section className="signature-check" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`}>Signature check</h3>
      <fieldset className="inline-options">
        <legend>Verify with</legend>
        {(
          [
            ['secret', 'HMAC secret'],
            ['pem', 'PEM public key'],
            ['jwks', 'The API’s JWKS'],
          ] as const
        ).map(([value, label]) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name={`${ids}-source`}
              value={value}
              checked={source === value}
              onChange={() => setSource(value)}
            />
            {label}
          </label>
        ))}
      </fieldset>
      {source === 'secret' && (
        <SecretField
          label="Secret"
          secret={secret}
          encoding={encoding}
          onSecretChange={setSecret}
          onEncodingChange={setEncoding}
        />
      )}
      {source === 'pem' && (
        <div className="field">
          <label htmlFor={`${ids}-pem`}>Public key (PEM)</label>
          <textarea
            id={`${ids}-pem`}
            className="mono"
            rows={5}
            spellCheck={false}
            placeholder="-----BEGIN PUBLIC KEY-----"
            value={pem}
            onChange={(event) => setPem(event.target.value)}
          />
        </div>
      )}
      <div className={`signature-result result-${status}`} role="status" aria-label="Signature">
        <strong>{RESULT_TITLES[status]}</strong> <span>{resultText(state, jwksProblem)}</span>
      </div>
    </section>
  );
}
