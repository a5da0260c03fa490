import { useId, type Dispatch } from 'react';
import { isJson, type BodyType } from '../api/send-request';
import type { RequestForm, RequestFormAction } from '../lib/request-form';

const BODY_TYPES: ReadonlyArray<{ value: BodyType; label: string }> = [
  { value: 'application/json', label: 'JSON' },
  { value: 'application/x-www-form-urlencoded', label: 'form (urlencoded)' },
  { value: 'text/plain', label: 'text/plain' },
  { value: 'none', label: 'no Content-Type' },
];

interface BodyFieldsProps {
  form: RequestForm;
  bodyText: string;
  dispatch: Dispatch<RequestFormAction>;
}

/** The body and what it is declared to be; broken JSON is sent as typed, after saying so. */
export function BodyFields({ form, bodyText, dispatch }: BodyFieldsProps) {
  const id = useId();
  const brokenJson =
    form.bodyType === 'application/json' && bodyText.trim() !== '' && !isJson(bodyText);
  return (
    <>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${id}-body-type`}>Content-Type</label>
          <select
            id={`${id}-body-type`}
            value={form.bodyType}
            onChange={(event) =>
              dispatch({ type: 'body-type-chosen', bodyType: event.target.value as BodyType })
            }
          >
            {BODY_TYPES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>
          Body ({BODY_TYPES.find((option) => option.value === form.bodyType)!.label})
        </label>
        <textarea
          id={`${id}-body`}
          className="mono"
          rows={5}
          spellCheck={false}
          value={bodyText}
          onChange={(event) => dispatch({ type: 'body-typed', text: event.target.value })}
          aria-describedby={brokenJson ? `${id}-body-problem` : undefined}
        />
        {brokenJson && (
          <p id={`${id}-body-problem`} className="hint">
            This is not valid JSON. It is sent as typed: see which step of the API refuses it.
          </p>
        )}
      </div>
    </>
  );
}
