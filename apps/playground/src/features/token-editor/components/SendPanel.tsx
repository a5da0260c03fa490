import { useId, type Dispatch } from 'react';
import { labProbes, useLabExercises } from '../api/get-lab-exercises';
import { TOKEN_PROBES, useSendWithToken } from '../api/send-with-token';
import type { EditorAction } from '../lib/editor-state';
import { TokenVerdict } from './TokenVerdict';

interface SendPanelProps {
  /** The edited token, once it is ready to send. */
  token: string | null;
  probeIndex: number;
  currentToken: string;
  dispatch: Dispatch<EditorAction>;
}

/**
 * Sends the edited token to a route the learner picks and shows the verdict. The editor mounts a
 * fresh one for each source token, so a verdict never outlives the token it judged.
 */
export function SendPanel({ token, probeIndex, currentToken, dispatch }: SendPanelProps) {
  const id = useId();
  const send = useSendWithToken();
  const lab = useLabExercises();
  const probes = [...TOKEN_PROBES, ...labProbes(lab.data)];
  const probe = probes[probeIndex] ?? TOKEN_PROBES[0]!;
  return (
    <>
      <div className="field-row send-row">
        <div className="field">
          <label htmlFor={`${id}-probe`}>Send it to</label>
          <select
            id={`${id}-probe`}
            value={probeIndex}
            onChange={(event) =>
              dispatch({ type: 'probe-chosen', index: Number(event.target.value) })
            }
          >
            {probes.map((candidate, index) => (
              <option key={`${candidate.method} ${candidate.path}`} value={index}>
                {candidate.method} {candidate.path}
              </option>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="primary"
          disabled={token === null}
          onClick={() => token !== null && send.mutate({ token, probe })}
        >
          Send with the edited token
        </button>
      </div>
      {send.isPending && <p role="status">Sending…</p>}
      {send.isError && <p className="notice notice-error">{send.error.message}</p>}
      {/* A verdict is about the token that was sent: once the edited token differs, it is withdrawn. */}
      {send.data && send.variables && send.variables.token !== token && (
        <p className="hint" role="status">
          The token changed since it was sent: send it again to see what the API makes of it.
        </p>
      )}
      {send.data && send.variables && send.variables.token === token && (
        <TokenVerdict
          verdict={send.data}
          token={send.variables.token}
          probe={send.variables.probe}
          currentToken={currentToken}
        />
      )}
    </>
  );
}
