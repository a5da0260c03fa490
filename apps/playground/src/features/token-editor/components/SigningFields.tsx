import { useId, type Dispatch } from 'react';
import { SecretField } from '../../../components/SecretField';
import type { EditorAction, SigningKind, SigningSettings } from '../lib/editor-state';
import { JwkToPemField } from './JwkToPemField';
import { PrivateKeyFields } from './PrivateKeyFields';

interface SigningFieldsProps {
  source: string;
  signing: SigningSettings;
  dispatch: Dispatch<EditorAction>;
}

const CHOICES: ReadonlyArray<readonly [SigningKind, string, string]> = [
  ['keep', 'Keep the old signature', 'it no longer matches once anything changed'],
  ['resign', 'Re-sign with a secret', 'HMAC, as the API does with HS256'],
  ['private-key', 'Sign with a private key', 'ES256 or RS256, a key you paste or generate'],
  ['none', 'No signature (alg "none")', 'the oldest JWT attack'],
];

/** How the edited token is signed; a choice also writes its alg into the header box. */
export function SigningFields({ source, signing, dispatch }: SigningFieldsProps) {
  const id = useId();
  return (
    <fieldset className="signing">
      <legend>Signature</legend>
      {CHOICES.map(([kind, label, hint]) => (
        <label key={kind} className="radio">
          <input
            type="radio"
            name={`${id}-signing`}
            value={kind}
            checked={signing.kind === kind}
            onChange={() => dispatch({ type: 'signing-chosen', source, kind })}
          />
          <span>
            {label} <span className="hint">— {hint}</span>
          </span>
        </label>
      ))}
      {signing.kind === 'resign' && (
        <>
          <SecretField
            label="Secret to sign with"
            multiline
            secret={signing.secret}
            encoding={signing.encoding}
            disabled={signing.emptyKey}
            onSecretChange={(secret) => dispatch({ type: 'secret-typed', secret })}
            onEncodingChange={(encoding) => dispatch({ type: 'encoding-chosen', encoding })}
          />
          <label className="radio">
            <input
              type="checkbox"
              checked={signing.emptyKey}
              onChange={(event) =>
                dispatch({ type: 'empty-key-set', emptyKey: event.target.checked })
              }
            />
            <span>
              Sign with an empty key{' '}
              <span className="hint">— zero bytes, what a verifier gets from an empty file</span>
            </span>
          </label>
          <JwkToPemField dispatch={dispatch} />
        </>
      )}
      {signing.kind === 'private-key' && (
        <PrivateKeyFields source={source} signing={signing} dispatch={dispatch} />
      )}
    </fieldset>
  );
}
