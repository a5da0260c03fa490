import type { FieldExplanation } from '../lib/jwt-claims';
import { formatSpan } from '../../../lib/durations';

interface ClaimsTableProps {
  caption: string;
  values: Record<string, unknown>;
  explanations: Readonly<Record<string, FieldExplanation>>;
  /** Fields whose values are seconds since the epoch, shown as dates. */
  timeFields?: readonly string[];
  nowSeconds: number;
}

function TimeValue({ seconds, nowSeconds }: { seconds: number; nowSeconds: number }) {
  const date = new Date(seconds * 1000);
  const delta = seconds - nowSeconds;
  return (
    <>
      <span className="mono">{seconds}</span>
      <br />
      <time dateTime={date.toISOString()}>{date.toLocaleString()}</time>{' '}
      <span className="hint">
        (
        {Math.abs(delta) < 1
          ? 'now'
          : delta > 0
            ? `in ${formatSpan(delta)}`
            : `${formatSpan(delta)} ago`}
        )
      </span>
    </>
  );
}

/** Each field of a decoded part: its value (times as dates) and one line on what it means. */
export function ClaimsTable({
  caption,
  values,
  explanations,
  timeFields = [],
  nowSeconds,
}: ClaimsTableProps) {
  return (
    <table className="table table-stack claims-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Value</th>
          <th scope="col">What it means</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(values).map(([name, value]) => {
          const explanation = Object.hasOwn(explanations, name) ? explanations[name] : undefined;
          return (
            <tr key={name}>
              <th scope="row" className="mono">
                {name}
              </th>
              <td className="claim-value" data-label="Value">
                {timeFields.includes(name) && typeof value === 'number' ? (
                  <TimeValue seconds={value} nowSeconds={nowSeconds} />
                ) : (
                  <span className="mono">{JSON.stringify(value)}</span>
                )}
              </td>
              <td data-label="Meaning">
                {explanation ? (
                  <>
                    {explanation.text} <span className="reference">{explanation.reference}</span>
                  </>
                ) : (
                  <span className="hint">
                    A private claim: its meaning is whatever issuer and API agreed.
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
