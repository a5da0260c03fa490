import { useId, useState, type Dispatch } from 'react';
import {
  ASYMMETRIC_ALGORITHMS,
  generateKeyPair,
  publicJwkOf,
  type AsymmetricAlgorithm,
} from '../../../lib/jws-keys';
import type { EditorAction, SigningSettings } from '../lib/editor-state';

interface PrivateKeyFieldsProps {
  source: string;
  signing: SigningSettings;
  dispatch: Dispatch<EditorAction>;
}

/**
 * Signing with a private key the learner pastes (the lab's attacker key, say) or generates here;
 * its public half can go into the header as `jwk` — the jwk-injection attack.
 */
export function PrivateKeyFields({ source, signing, dispatch }: PrivateKeyFieldsProps) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  const [working, setWorking] = useState(false);
  const alg = signing.asymmetricAlg;

  async function run(action: () => Promise<void>) {
    setProblem(null);
    setWorking(true);
    try {
      await action();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setWorking(false);
    }
  }

  return (
    <div className="private-key-fields">
      <div className="field">
        <label htmlFor={`${id}-alg`}>Algorithm</label>
        <select
          id={`${id}-alg`}
          value={alg}
          onChange={(event) =>
            dispatch({
              type: 'asymmetric-alg-chosen',
              source,
              alg: event.target.value as AsymmetricAlgorithm,
            })
          }
        >
          {ASYMMETRIC_ALGORITHMS.map((name) => (
            <option key={name} value={name}>
              {name} ({name === 'ES256' ? 'EC P-256' : 'RSA'})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-key`}>Private key (PEM or JWK)</label>
        <textarea
          id={`${id}-key`}
          className="mono"
          rows={4}
          autoComplete="off"
          spellCheck={false}
          placeholder="-----BEGIN PRIVATE KEY-----"
          value={signing.privateKey}
          onChange={(event) =>
            dispatch({ type: 'private-key-typed', privateKey: event.target.value })
          }
        />
      </div>
      <div className="button-row">
        <button
          type="button"
          disabled={working}
          onClick={() =>
            void run(async () => {
              const { privatePem } = await generateKeyPair(alg);
              dispatch({ type: 'private-key-typed', privateKey: privatePem });
            })
          }
        >
          Generate a new {alg} key pair
        </button>
        <button
          type="button"
          disabled={working || signing.privateKey.trim() === ''}
          onClick={() =>
            void run(async () => {
              const jwk = await publicJwkOf(signing.privateKey, alg);
              dispatch({ type: 'header-field-set', source, name: 'jwk', value: jwk });
            })
          }
        >
          Put its public key in the header (jwk)
        </button>
      </div>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
