import { useId, useState, type Dispatch } from 'react';
import { jwkToPem } from '../../../lib/jws-keys';
import type { EditorAction } from '../lib/editor-state';

/**
 * Turns a public JWK (or a JWKS) into the PEM text a JWK-to-PEM conversion gives, and makes that
 * text the HMAC secret: the bytes a verifier that feeds its public key to HMAC would use.
 */
export function JwkToPemField({ dispatch }: { dispatch: Dispatch<EditorAction> }) {
  const id = useId();
  const [jwk, setJwk] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  async function convert() {
    setProblem(null);
    try {
      const pem = await jwkToPem(jwk);
      dispatch({ type: 'encoding-chosen', encoding: 'utf8' });
      dispatch({ type: 'empty-key-set', emptyKey: false });
      dispatch({ type: 'secret-typed', secret: pem });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <details className="jwk-to-pem">
      <summary>Secret from a public JWK</summary>
      <div className="field">
        <label htmlFor={`${id}-jwk`}>Public JWK or JWKS (JSON)</label>
        <textarea
          id={`${id}-jwk`}
          className="mono"
          rows={3}
          spellCheck={false}
          value={jwk}
          onChange={(event) => setJwk(event.target.value)}
        />
      </div>
      <button type="button" disabled={jwk.trim() === ''} onClick={() => void convert()}>
        Use its PEM as the secret
      </button>
      {problem && (
        <p className="notice notice-error" role="alert">
          {problem}
        </p>
      )}
    </details>
  );
}
