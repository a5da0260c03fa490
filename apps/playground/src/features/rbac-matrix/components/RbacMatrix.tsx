import { useId, useState } from 'react';
import { ROLES, type Role, type RouteMetadata } from '@authlab/shared';
import { ResponseView } from '../../../components/ResponseView';
import { StatusBadge } from '../../../components/StatusBadge';
import { TraceById } from '../../../components/TraceById';
import { ApiError } from '../../../lib/api-client';
import { useRoutes } from '../../../lib/api/get-routes';
import { useSendAsRole, type CellResult } from '../api/send-as-role';
import { expectedAccess, isSendable, ruleText, sampleRequest } from '../lib/expected-access';

type Caller = Role | null;
const CALLERS: readonly Caller[] = [null, ...ROLES];

type CellState =
  | { status: 'pending' }
  | { status: 'done'; result: CellResult }
  | { status: 'error'; message: string };

function callerName(caller: Caller): string {
  return caller ?? 'nobody';
}

function cellKey(route: RouteMetadata, caller: Caller): string {
  return `${route.method} ${route.path} ${callerName(caller)}`;
}

function wasAllowed(status: number): boolean {
  return status !== 401 && status !== 403;
}

/** Routes × roles from /api/meta/routes; each cell sends that request as that role. */
export function RbacMatrix() {
  const id = useId();
  const routes = useRoutes();
  const send = useSendAsRole();
  const [cells, setCells] = useState<Record<string, CellState>>({});
  const [selected, setSelected] = useState<string | null>(null);

  async function sendCell(route: RouteMetadata, caller: Caller): Promise<void> {
    const key = cellKey(route, caller);
    const expected = expectedAccess(route, caller);
    setCells((previous) => ({ ...previous, [key]: { status: 'pending' } }));
    try {
      const result = await send.mutateAsync({
        request: sampleRequest(route, caller, expected.allowed),
        role: caller,
        key,
      });
      setCells((previous) => ({ ...previous, [key]: { status: 'done', result } }));
    } catch (error) {
      setCells((previous) => ({
        ...previous,
        [key]: { status: 'error', message: error instanceof Error ? error.message : String(error) },
      }));
    }
  }

  async function sendAll(list: readonly RouteMetadata[]): Promise<void> {
    for (const route of list.filter(isSendable)) {
      for (const caller of CALLERS) await sendCell(route, caller);
    }
  }

  if (routes.isPending) return <p role="status">Loading /api/meta/routes…</p>;
  if (routes.isError) {
    return (
      <section className="panel">
        <h2>RBAC matrix</h2>
        <p className="notice notice-info">
          {routes.error instanceof ApiError && routes.error.statusCode === 404
            ? 'This API does not publish its route metadata (/api/meta/routes) yet.'
            : `Could not load the routes: ${routes.error.message}`}
        </p>
      </section>
    );
  }

  const list = routes.data.routes;
  const selectedCell = selected ? cells[selected] : undefined;

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>RBAC matrix</h2>
      <p className="hint">
        Every route of the API, read from its decorators at start-up (
        <span className="mono">GET /api/meta/routes</span>), against every role. Each cell says what
        the rule predicts; press it to send that request as that role and see what really happens.
      </p>
      <button type="button" onClick={() => void sendAll(list)}>
        Send every cell
      </button>
      <div
        className="table-scroll rbac-frame"
        role="region"
        aria-label="Routes by role"
        tabIndex={0}
      >
        <table className="table rbac-table">
          <caption className="visually-hidden">
            Routes by role: predicted and actual answers
          </caption>
          <thead>
            <tr>
              <th scope="col">Route and rule</th>
              {CALLERS.map((caller) => (
                <th scope="col" key={callerName(caller)}>
                  {callerName(caller)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.map((route) => (
              <tr key={`${route.method} ${route.path}`}>
                <th scope="row">
                  <span className="mono">
                    {route.method} {route.path}
                  </span>
                  {route.summary && <span className="route-summary">{route.summary}</span>}
                  <span className="route-rule">{ruleText(route)}</span>
                </th>
                {CALLERS.map((caller) => {
                  const key = cellKey(route, caller);
                  const expected = expectedAccess(route, caller);
                  const state = cells[key];
                  const prediction = expected.allowed ? '✓ allowed' : `✗ ${expected.status}`;
                  if (!isSendable(route)) {
                    return (
                      <td
                        key={key}
                        className={`cell ${expected.allowed ? 'cell-allowed' : 'cell-refused'}`}
                      >
                        <span>{prediction}</span>
                      </td>
                    );
                  }
                  const actual =
                    state?.status === 'done' ? state.result.response.status : undefined;
                  const mismatch = actual !== undefined && wasAllowed(actual) !== expected.allowed;
                  return (
                    <td
                      key={key}
                      className={`cell ${expected.allowed ? 'cell-allowed' : 'cell-refused'}${mismatch ? ' cell-mismatch' : ''}`}
                    >
                      <button
                        type="button"
                        className="cell-button"
                        aria-describedby={`${id}-legend`}
                        aria-pressed={selected === key}
                        title={expected.why}
                        onClick={() => {
                          setSelected(key);
                          void sendCell(route, caller);
                        }}
                      >
                        <span className="visually-hidden">
                          Send {route.method} {route.path} as {callerName(caller)}:{' '}
                        </span>
                        <span className="prediction">{prediction}</span>
                        {state?.status === 'pending' && <span className="actual">…</span>}
                        {actual !== undefined && (
                          <span className="actual">
                            got <StatusBadge status={actual} short />
                          </span>
                        )}
                        {state?.status === 'error' && <span className="actual">error</span>}
                        {mismatch && <span className="mismatch">differs!</span>}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p id={`${id}-legend`} className="hint">
        Top line: what the decorators predict. Bottom line, once sent: the status the API answered.
      </p>
      {selected && (
        <section className="matrix-result" aria-label="Selected cell" aria-live="polite">
          <h3>{selected}</h3>
          {selectedCell?.status === 'pending' && <p role="status">Sending…</p>}
          {selectedCell?.status === 'error' && (
            <p className="notice notice-error">{selectedCell.message}</p>
          )}
          {selectedCell?.status === 'done' && (
            <>
              <ResponseView
                response={selectedCell.result.response}
                label={`Response of ${selected}`}
              />
              {selectedCell.result.response.traceId && (
                <TraceById traceId={selectedCell.result.response.traceId} />
              )}
            </>
          )}
        </section>
      )}
    </section>
  );
}
