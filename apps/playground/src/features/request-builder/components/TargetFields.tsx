import { useId, type Dispatch } from 'react';
import type { HttpMethod } from '../../../lib/api-client';
import { useRoutes } from '../../../lib/api/get-routes';
import type { RequestForm, RequestFormAction } from '../lib/request-form';

const METHODS: readonly HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Routes to suggest when the API does not publish its route metadata. */
const FALLBACK_PATHS = [
  '/api/auth/me',
  '/api/articles',
  '/api/articles/1',
  '/api/users',
  '/api/users/4/role',
  '/api/health',
];

interface TargetFieldsProps {
  form: RequestForm;
  dispatch: Dispatch<RequestFormAction>;
}

/** Method and path, the path suggested from the API's own route list. */
export function TargetFields({ form, dispatch }: TargetFieldsProps) {
  const id = useId();
  const routes = useRoutes();
  const suggestions = routes.data
    ? [...new Set(routes.data.routes.map((route) => route.path))]
    : FALLBACK_PATHS;
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor={`${id}-method`}>Method</label>
        <select
          id={`${id}-method`}
          value={form.method}
          onChange={(event) =>
            dispatch({ type: 'method-chosen', method: event.target.value as HttpMethod })
          }
        >
          {METHODS.map((name) => (
            <option key={name}>{name}</option>
          ))}
        </select>
      </div>
      <div className="field grow">
        <label htmlFor={`${id}-path`}>Path</label>
        <input
          id={`${id}-path`}
          className="mono"
          list={`${id}-paths`}
          spellCheck={false}
          value={form.path}
          onChange={(event) => dispatch({ type: 'path-typed', path: event.target.value })}
        />
        <datalist id={`${id}-paths`}>
          {suggestions.map((candidate) => (
            <option key={candidate} value={candidate} />
          ))}
        </datalist>
      </div>
    </div>
  );
}
