import { useId, useState, type ReactNode } from 'react';
import type { Trace, TraceCheck, TraceEvent } from '@authlab/shared';
import { StatusBadge } from '../../../components/StatusBadge';
import { compareTraces, type CheckRow, type DetailRow, type StepRow } from '../lib/compare-traces';

const OUTCOME_WORDS: Readonly<Record<TraceEvent['outcome'], string>> = {
  pass: '✓ passed',
  deny: '✗ refused',
  error: '! failed',
};

function checkWord(check: TraceCheck | undefined): string {
  if (!check) return 'absent';
  return check.ok === null ? '– not checked' : check.ok ? '✓ passed' : '✗ failed';
}

function factText(value: DetailRow['a']): string {
  if (value === undefined) return 'not recorded';
  return Array.isArray(value) ? value.join(', ') : String(value);
}

/** Marks a value that differs from the other side's, in words as well as colour. */
function Diff({ differs, children }: { differs: boolean; children: ReactNode }) {
  return differs ? (
    <mark className="compare-diff">
      {children}
      <span className="visually-hidden"> (differs)</span>
    </mark>
  ) : (
    <>{children}</>
  );
}

function Side({ row, side }: { row: StepRow; side: 'a' | 'b' }) {
  const event = row[side];
  if (!event)
    return (
      <td className="compare-missing">
        <Diff differs>Not reached</Diff>
      </td>
    );
  return (
    <td>
      <p className={`outcome outcome-text-${event.outcome}`}>
        <Diff differs={row.outcomeDiffers}>{OUTCOME_WORDS[event.outcome]}</Diff>
      </p>
      <p className="compare-reason">{event.reason}</p>
      {row.checks.length > 0 && (
        <ul className="compare-checks">
          {row.checks.map((check: CheckRow) => (
            <li key={check.name}>
              <span className="mono">{check.name}</span>{' '}
              <Diff differs={check.differs}>{checkWord(check[side])}</Diff>
            </li>
          ))}
        </ul>
      )}
      {row.details.length > 0 && (
        <dl className="trace-detail">
          {row.details.map((detail) => (
            <div key={detail.key}>
              <dt>{detail.key}</dt>
              <dd className="mono">
                <Diff differs={detail.differs}>{factText(detail[side])}</Diff>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </td>
  );
}

function traceLabel(trace: Trace): string {
  return `${trace.method} ${trace.path} · ${trace.status} · ${new Date(trace.startedAt).toLocaleTimeString()}`;
}

/** The two traces, aligned by step, each difference marked. */
export function TraceComparison({ a, b }: { a: Trace; b: Trace }) {
  const comparison = compareTraces(a, b);
  return (
    <div className="trace-compare-result">
      <p className="compare-summary">
        {comparison.differences === 0
          ? 'No differences: the two requests went through the same steps with the same results.'
          : `${comparison.differences} ${comparison.differences === 1 ? 'difference' : 'differences'}, marked below.`}
      </p>
      <table className="compare-table">
        <thead>
          <tr>
            <th scope="col">
              A: <span className="mono">{`${a.method} ${a.path}`}</span>
            </th>
            <th scope="col">
              B: <span className="mono">{`${b.method} ${b.path}`}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="colgroup" colSpan={2}>
              Status and deciding step
            </th>
          </tr>
          <tr>
            {[a, b].map((trace) => (
              <td key={trace.id}>
                <Diff differs={comparison.statusDiffers}>
                  <StatusBadge status={trace.status} />
                </Diff>{' '}
                <Diff differs={comparison.decidedByDiffers}>
                  {trace.decidedBy ? `decided by ${trace.decidedBy.step}` : 'nobody refused it'}
                </Diff>
              </td>
            ))}
          </tr>
          {comparison.rows.map((row, index) => (
            <StepRows key={`${row.step}-${index}`} row={row} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StepRows({ row }: { row: StepRow }) {
  return (
    <>
      <tr className={row.differs ? 'compare-row-differs' : undefined} data-step={row.step}>
        <th scope="colgroup" colSpan={2}>
          <span className="mono">{row.step}</span>
          {row.differs && <span className="compare-flag"> ≠ differs</span>}
        </th>
      </tr>
      <tr className={row.differs ? 'compare-row-differs' : undefined}>
        <Side row={row} side="a" />
        <Side row={row} side="b" />
      </tr>
    </>
  );
}

/** Pick two of the listed requests and see them side by side. */
export function TraceCompare({ traces }: { traces: readonly Trace[] }) {
  const id = useId();
  const [aId, setAId] = useState('');
  const [bId, setBId] = useState('');
  const a = traces.find((trace) => trace.id === aId);
  const b = traces.find((trace) => trace.id === bId);

  return (
    <section className="panel trace-compare" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Compare two requests</h2>
      <p className="hint">
        Pick two requests — the same forged token sent to a weak and a secure verifier, say — to see
        them side by side, step by step, with every difference marked.
      </p>
      <div className="compare-pickers">
        <label>
          Request A
          <select value={aId} onChange={(event) => setAId(event.target.value)}>
            <option value="">Choose a request…</option>
            {traces.map((trace) => (
              <option key={trace.id} value={trace.id}>
                {traceLabel(trace)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Request B
          <select value={bId} onChange={(event) => setBId(event.target.value)}>
            <option value="">Choose a request…</option>
            {traces.map((trace) => (
              <option key={trace.id} value={trace.id}>
                {traceLabel(trace)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {a && b && a.id !== b.id ? (
        <TraceComparison a={a} b={b} />
      ) : (
        <p>
          {a && b ? 'Pick two different requests.' : 'Pick request A and request B to compare.'}
        </p>
      )}
    </section>
  );
}
