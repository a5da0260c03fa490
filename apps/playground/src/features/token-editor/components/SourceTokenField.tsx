import { useId, type Dispatch } from 'react';
import type { EditorAction } from '../lib/editor-state';

interface SourceTokenFieldProps {
  source: string;
  currentToken: string;
  dispatch: Dispatch<EditorAction>;
}

/** The token the edits start from: the playground's current token, or one pasted over it. */
export function SourceTokenField({ source, currentToken, dispatch }: SourceTokenFieldProps) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={id}>Token to start from</label>
        <textarea
          id={id}
          className="mono token-input"
          rows={3}
          spellCheck={false}
          placeholder="Sign in, or paste a JWT"
          value={source}
          onChange={(event) =>
            dispatch({ type: 'source-typed', text: event.target.value, currentToken })
          }
        />
      </div>
      {currentToken && source !== currentToken && (
        <button type="button" onClick={() => dispatch({ type: 'current-token-chosen' })}>
          Use my current token
        </button>
      )}
    </>
  );
}
