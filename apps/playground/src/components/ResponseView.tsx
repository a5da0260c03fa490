import type { RawResponse } from '../lib/api-client';
import { formatMs } from '../lib/durations';
import { CopyButton } from './CopyButton';
import { StatusBadge } from './StatusBadge';

interface ResponseViewProps {
  response: RawResponse;
  /** Names the response for assistive technology, e.g. "Response of GET /api/articles". */
  label: string;
}

/**
 * The headers the lessons ask about, shown up front when present: the challenge of a 401
 * (RFC 6750 §3), cookies set, whether the answer may be cached, and the trace to follow.
 */
const KEY_HEADERS = ['www-authenticate', 'set-cookie', 'cache-control', 'x-trace-id'];

/** Top-level string fields with line breaks (a PEM key): JSON shows them as \n, a learner needs the text. */
function multilineFields(body: unknown): Array<[string, string]> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  return Object.entries(body as Record<string, unknown>).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].includes('\n'),
  );
}

const JWT_SHAPE = /^[\w-]*\.[\w-]*\.[\w-]*$/;

/** Tokens (a field named for one, or any JWT) and the keys of a JWKS: what a learner copies on. */
function copyableFields(body: unknown): Array<{ what: string; text: string }> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return [];
  return Object.entries(body as Record<string, unknown>).flatMap(([name, value]) => {
    if (
      typeof value === 'string' &&
      !value.includes('\n') &&
      (/token/i.test(name) || JWT_SHAPE.test(value))
    )
      return [{ what: name, text: value }];
    if (name === 'keys' && Array.isArray(value))
      return value.map((key: unknown, index) => {
        const kid = (key as { kid?: unknown } | null)?.kid;
        return {
          what: typeof kid === 'string' ? `key ${kid}` : `key ${index + 1}`,
          text: JSON.stringify(key),
        };
      });
    return [];
  });
}

/** A response as it arrived: status, the headers a page may read, and the body. */
export function ResponseView({ response, label }: ResponseViewProps) {
  const body =
    typeof response.body === 'string' ? response.body : JSON.stringify(response.body, null, 2);
  const keyHeaders = KEY_HEADERS.flatMap((wanted) =>
    response.headers.filter(([name]) => name.toLowerCase() === wanted),
  );
  const copyable = copyableFields(response.body);
  const otherHeaders = response.headers.filter(
    ([name]) => !KEY_HEADERS.includes(name.toLowerCase()),
  );
  return (
    <section className="response" aria-label={label}>
      <p className="response-status">
        <StatusBadge status={response.status} statusText={response.statusText} />{' '}
        <span className="hint">in {formatMs(response.durationMs)}</span>
      </p>
      {keyHeaders.length > 0 && (
        <dl className="key-headers">
          {keyHeaders.map(([name, value]) => (
            <div key={name}>
              <dt className="mono">{name}</dt>
              <dd className="mono">{value}</dd>
            </div>
          ))}
        </dl>
      )}
      <details className="response-headers">
        <summary>
          {keyHeaders.length > 0 ? 'Other response headers' : 'Response headers'} (
          {otherHeaders.length})
        </summary>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">Header</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {otherHeaders.map(([name, value]) => (
              <tr key={name}>
                <th scope="row" className="mono">
                  {name}
                </th>
                <td className="mono">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">
          Set-Cookie is never readable by page scripts: see the cookie view for what was set.
        </p>
      </details>
      <h4 className="response-body-title">Body</h4>
      <pre className="json-block" aria-label="Response body">
        <code>{body === undefined ? '(empty)' : body}</code>
      </pre>
      {copyable.length > 0 && (
        <div className="button-row">
          {copyable.map(({ what, text }) => (
            <CopyButton key={what} what={what} text={text} />
          ))}
        </div>
      )}
      {multilineFields(response.body).map(([name, value]) => (
        <div key={name}>
          <h4 className="response-body-title">
            <span className="mono">{name}</span> as text
          </h4>
          <pre className="json-block" aria-label={`${name} as text`}>
            <code>{value}</code>
          </pre>
          <div className="button-row">
            <CopyButton what={name} text={value} />
          </div>
        </div>
      ))}
    </section>
  );
}
