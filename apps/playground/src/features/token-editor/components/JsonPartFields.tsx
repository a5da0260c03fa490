import { useId, type Dispatch } from 'react';
import type { Draft, EditorAction } from '../lib/editor-state';

interface JsonPartFieldsProps {
  draft: Draft;
  /** The parsed texts; undefined marks a text that is not a JSON object. */
  header: Record<string, unknown> | undefined;
  payload: Record<string, unknown> | undefined;
  dispatch: Dispatch<EditorAction>;
}

/** The header and payload as JSON text: exactly the parts the edited token is made of. */
export function JsonPartFields({ draft, header, payload, dispatch }: JsonPartFieldsProps) {
  const id = useId();
  return (
    <div className="decoded-grid">
      <div className="field decoded-header">
        <label htmlFor={`${id}-header`}>Header (JSON)</label>
        <textarea
          id={`${id}-header`}
          className="mono"
          rows={6}
          spellCheck={false}
          aria-invalid={!header}
          value={draft.header}
          onChange={(event) =>
            dispatch({ type: 'header-typed', source: draft.source, text: event.target.value })
          }
        />
        {!header && <p className="field-error">Not a JSON object.</p>}
      </div>
      <div className="field decoded-payload">
        <label htmlFor={`${id}-payload`}>Payload (JSON)</label>
        <textarea
          id={`${id}-payload`}
          className="mono"
          rows={10}
          spellCheck={false}
          aria-invalid={!payload}
          value={draft.payload}
          onChange={(event) =>
            dispatch({ type: 'payload-typed', source: draft.source, text: event.target.value })
          }
        />
        {!payload && <p className="field-error">Not a JSON object.</p>}
      </div>
    </div>
  );
}
