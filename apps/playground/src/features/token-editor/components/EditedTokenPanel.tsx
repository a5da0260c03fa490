import { TokenSegments } from '../../../components/TokenSegments';
import { chosenTokenStore } from '../../../lib/current-token';
import { decodeJwt } from '../../../lib/decode-jwt';
import type { EditedToken } from '../hooks/use-edited-token';

interface EditedTokenPanelProps {
  edited: EditedToken;
  currentToken: string;
}

/** The token the editor will send, and the offer to make it the playground's current token. */
export function EditedTokenPanel({ edited, currentToken }: EditedTokenPanelProps) {
  const decoded = edited.status === 'ready' ? decodeJwt(edited.token) : null;
  return (
    <>
      <h3>Edited token</h3>
      {edited.status === 'working' && <p role="status">Signing…</p>}
      {edited.status === 'problem' && <p className="notice notice-error">{edited.text}</p>}
      {decoded?.ok && <TokenSegments segments={decoded.segments} label="Edited token" />}
      {edited.status === 'ready' &&
        (edited.token === currentToken ? (
          <p className="hint" role="status">
            This is the playground’s current token: the inspector shows it and the request builder
            can send it.
          </p>
        ) : (
          <div className="button-row">
            <button
              type="button"
              onClick={() =>
                chosenTokenStore.set({ token: edited.token, from: 'the token editor' })
              }
            >
              Use this token
            </button>
            <span className="hint">
              Make it the playground’s current token, to inspect it or send it from the request
              builder.
            </span>
          </div>
        ))}
    </>
  );
}
