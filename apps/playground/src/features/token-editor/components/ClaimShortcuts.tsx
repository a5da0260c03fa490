import { useId, type Dispatch } from 'react';
import { ROLES } from '@authlab/shared';
import type { EditorAction } from '../lib/editor-state';

interface ClaimShortcutsProps {
  source: string;
  payload: Record<string, unknown> | undefined;
  minutes: string;
  dispatch: Dispatch<EditorAction>;
}

/** The claims the lessons change most (role, aud, exp), without writing JSON by hand. */
export function ClaimShortcuts({ source, payload, minutes, dispatch }: ClaimShortcutsProps) {
  const id = useId();
  const role = typeof payload?.role === 'string' ? payload.role : '';
  const setClaim = (name: string, value: unknown) =>
    dispatch({ type: 'claim-set', source, name, value });
  return (
    <>
      <h3>Claims</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-role`}>role</label>
          <select
            id={`${id}-role`}
            value={role}
            disabled={!payload}
            onChange={(event) => setClaim('role', event.target.value)}
          >
            {!(ROLES as readonly string[]).includes(role) && (
              <option value={role}>{role || '(none)'}</option>
            )}
            {ROLES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
            <option value="Admin">Admin (wrong case)</option>
            <option value="constructor">constructor (prototype trick)</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-aud`}>aud</label>
          <input
            id={`${id}-aud`}
            className="mono"
            value={typeof payload?.aud === 'string' ? payload.aud : ''}
            disabled={!payload}
            onChange={(event) => setClaim('aud', event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-minutes`}>exp: minutes from now</label>
          <div className="input-with-button">
            <input
              id={`${id}-minutes`}
              type="number"
              value={minutes}
              onChange={(event) => dispatch({ type: 'minutes-typed', minutes: event.target.value })}
            />
            <button
              type="button"
              disabled={!payload || !Number.isFinite(Number(minutes))}
              onClick={() => setClaim('exp', Math.floor(Date.now() / 1000 + Number(minutes) * 60))}
            >
              Set exp
            </button>
          </div>
        </div>
      </div>
    </>
  );
}
