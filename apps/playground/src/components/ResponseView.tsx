import type { RawResponse } from '../lib/api-client';
import { formatMs } from '../lib/durations';
import { StatusBadge } from './StatusBadge';

interface ResponseViewProps {
  response: RawResponse;
  /** Names the response for assistive technology, e.g. "Response of GET /api/articles". */
  label: string;
}

/** A response as it arrived: status, the headers a page may read, and the body. */
export function ResponseView({ response, label }: ResponseViewProps) {
  const body = typeof response.body === 'string' ? response.body : JSON.stringify(response.body, null, 2);
  return (
    <section className="response" aria-label={label}>
      <p className="response-status">
        <StatusBadge status={response.status} statusText={response.statusText} /> <span className="hint">in {formatMs(response.durationMs)}</span>
      </p>
      <details className="response-headers">
        <summary>Response headers ({response.headers.length})</summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Header</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {response.headers.map(([name, value]) => (
              <tr key={name}>
                <th scope="row" className="mono">
                  {name}
                </th>
                <td className="mono">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">Set-Cookie is never readable by page scripts: see the cookie view for what was set.</p>
      </details>
      <h4 className="response-body-title">Body</h4>
      <pre className="json-block" aria-label="Response body">
        <code>{body === undefined ? '(empty)' : body}</code>
      </pre>
    </section>
  );
}
