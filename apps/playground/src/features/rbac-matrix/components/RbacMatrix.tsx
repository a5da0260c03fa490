import { useId, useState } from 'react';
import {
  DEFAULT_CLEARANCE,
  DEMO_CLEARANCES,
  DEMO_USERS,
  labelAbove,
  ROLES,
  SHARED_DEMO_ACCOUNT,
  type Role,
  type RouteMetadata,
} from '@authlab/shared';
import { ConfirmAction } from '../../../components/ConfirmAction';
import { ResponseView } from '../../../components/ResponseView';
import { StatusBadge } from '../../../components/StatusBadge';
import { TraceById } from '../../../components/TraceById';
import { ApiError } from '../../../lib/api-client';
import { useRoutes } from '../../../lib/api/get-routes';
import { recheckSession } from '../lib/session-check';
import { useMatrixArticles, type MatrixArticle } from '../api/get-matrix-articles';
import { useSendAsRole, type CellResult } from '../api/send-as-role';
import {
  actsOnOneArticle,
  cellCondition,
  expectedAccess,
  isSendable,
  needsConfirmation,
  refusedForDemoAccounts,
  ruleText,
  sampleRequest,
} from '../lib/expected-access';

type Caller = Role | null;
const CALLERS: readonly Caller[] = [null, ...ROLES];

type CellState =
  | { status: 'pending' }
  | { status: 'done'; result: CellResult }
  | { status: 'error'; message: string };

function callerName(caller: Caller): string {
  return caller ?? 'nobody';
}

function cellKey(route: RouteMetadata, caller: Caller, article?: MatrixArticle): string {
  const on = article && actsOnOneArticle(route) ? ` (article ${article.id})` : '';
  return `${route.method} ${route.path} ${callerName(caller)}${on}`;
}

/** How the picked article stands to a role's demo account: "own", "shared with them", "above their clearance"… */
function relationText(role: Role, article: MatrixArticle): string {
  const username = DEMO_USERS.find((user) => user.role === role)?.username ?? role;
  const clearance = DEMO_CLEARANCES[username] ?? DEFAULT_CLEARANCE;
  const parts = [
    article.authorUsername === username
      ? 'their own'
      : article.sharedWith.includes(username)
        ? 'shared with them'
        : 'someone else’s',
  ];
  if (labelAbove(article.label, clearance)) parts.push(`above their clearance (${clearance})`);
  return `${role}: ${parts.join(', ')}`;
}

function articleName(article: MatrixArticle): string {
  const shared =
    article.sharedWith.length > 0 ? `, shared with ${article.sharedWith.join(', ')}` : '';
  return `#${article.id} “${article.title}” — ${article.authorUsername}’s ${article.status}, ${article.label}${shared}`;
}

function wasAllowed(status: number): boolean {
  return status !== 401 && status !== 403;
}

/** The API refused an account-wide action on a shared demo account: a policy, not a broken rule. */
function refusedAsSharedDemoAccount(result: CellResult): boolean {
  const body = result.response.body as { code?: unknown } | undefined;
  return result.response.status === 403 && body?.code === SHARED_DEMO_ACCOUNT;
}

type SendAllState =
  | { status: 'idle' }
  | { status: 'sending'; done: number; total: number }
  | { status: 'done'; sent: number; skipped: SkippedRoute[] };

/** A route "Send every cell" left out, why, and for which callers. */
interface SkippedRoute {
  route: string;
  effect: string;
  callers: string[];
}

/** Routes × roles from /api/meta/routes; each cell sends that request as that role. */
export function RbacMatrix() {
  const id = useId();
  const routes = useRoutes();
  const send = useSendAsRole();
  const articles = useMatrixArticles();
  const [articleId, setArticleId] = useState<number | null>(null);
  const picked = articles.data?.find((article) => article.id === articleId) ?? articles.data?.[0];
  /** The article an article route's cell acts on; other routes ignore it. */
  const articleFor = (route: RouteMetadata) => (actsOnOneArticle(route) ? picked : undefined);
  const [cells, setCells] = useState<Record<string, CellState>>({});
  const [selected, setSelected] = useState<string | null>(null);
  const [sendAllState, setSendAllState] = useState<SendAllState>({ status: 'idle' });

  async function sendCell(route: RouteMetadata, caller: Caller): Promise<void> {
    const article = articleFor(route);
    const key = cellKey(route, caller, article);
    const expected = expectedAccess(route, caller, article);
    setCells((previous) => ({ ...previous, [key]: { status: 'pending' } }));
    try {
      const result = await send.mutateAsync({
        request: sampleRequest(route, caller, expected.allowed, article),
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

  /** Sends a cell the learner chose on purpose and confirmed; it may have ended their own session. */
  async function sendConfirmed(route: RouteMetadata, caller: Caller): Promise<void> {
    await sendCell(route, caller);
    await recheckSession();
  }

  async function sendAll(list: readonly RouteMetadata[]): Promise<void> {
    const cellsToSend: Array<[RouteMetadata, Caller]> = [];
    const skipped = new Map<string, SkippedRoute>();
    for (const route of list.filter(isSendable)) {
      for (const caller of CALLERS) {
        const effect = needsConfirmation(route, caller);
        if (!effect) {
          cellsToSend.push([route, caller]);
          continue;
        }
        const name = `${route.method} ${route.path}`;
        const entry = skipped.get(name) ?? { route: name, effect, callers: [] };
        skipped.set(name, { ...entry, callers: [...entry.callers, callerName(caller)] });
      }
    }
    setSendAllState({ status: 'sending', done: 0, total: cellsToSend.length });
    for (const [index, [route, caller]] of cellsToSend.entries()) {
      await sendCell(route, caller);
      setSendAllState({ status: 'sending', done: index + 1, total: cellsToSend.length });
    }
    setSendAllState({
      status: 'done',
      sent: cellsToSend.length,
      skipped: [...skipped.values()],
    });
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
  const selectedTarget = selected
    ? list
        .flatMap((route) => CALLERS.map((caller) => ({ route, caller })))
        .find(({ route, caller }) => cellKey(route, caller, articleFor(route)) === selected)
    : undefined;
  const selectedEffect = selectedTarget
    ? needsConfirmation(selectedTarget.route, selectedTarget.caller)
    : undefined;

  return (
    <section className="panel" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>RBAC matrix</h2>
      <p className="hint">
        Every route of the API, read from its decorators at start-up (
        <span className="mono">GET /api/meta/routes</span>), against every role. Each cell says what
        the rule predicts; press it to send that request as that role and see what really happens.
      </p>
      <div className="send-all">
        <button
          type="button"
          disabled={sendAllState.status === 'sending'}
          onClick={() => void sendAll(list)}
        >
          Send every cell
        </button>
        <p className="hint">
          Requests that would change things for everyone — end sessions, reset the demo data, move
          the clock, change roles, create accounts — are left out; press such a cell to send it on
          purpose.
        </p>
      </div>
      {sendAllState.status === 'sending' && (
        <p role="status">
          Sending every cell… {sendAllState.done} of {sendAllState.total}
        </p>
      )}
      {sendAllState.status === 'done' && (
        <div role="status" className="notice notice-info send-all-summary">
          <p>
            Sent {sendAllState.sent} cells. Skipped{' '}
            {sendAllState.skipped.reduce((sum, entry) => sum + entry.callers.length, 0)} cells on{' '}
            {sendAllState.skipped.length} routes that the rules allow, because sending them would
            change things for everyone:
          </p>
          <ul>
            {sendAllState.skipped.map(({ route, effect, callers }) => (
              <li key={route}>
                <span className="mono">{route}</span> {effect} (as {callers.join(', ')})
              </li>
            ))}
          </ul>
          <p>Press one of those cells to send it on purpose: it asks first.</p>
        </div>
      )}
      {picked && articles.data && (
        <div className="matrix-article">
          <label htmlFor={`${id}-article`}>Article the article cells act on</label>
          <select
            id={`${id}-article`}
            value={picked.id}
            onChange={(event) => setArticleId(Number(event.target.value))}
          >
            {articles.data.map((article) => (
              <option key={article.id} value={article.id}>
                {articleName(article)}
              </option>
            ))}
          </select>
          <p className="hint">
            {ROLES.map((role) => relationText(role, picked)).join(' · ')}. Cells marked “own only”
            or “published, own, shared only” hold a conditional grant: their answer depends on the
            article.
          </p>
        </div>
      )}
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
                  const article = articleFor(route);
                  const key = cellKey(route, caller, article);
                  const expected = expectedAccess(route, caller, article);
                  const condition = cellCondition(route, caller);
                  const state = cells[key];
                  const prediction = expected.allowed ? '✓ allowed' : `✗ ${expected.status}`;
                  if (!isSendable(route)) {
                    return (
                      <td
                        key={key}
                        className={`cell ${expected.allowed ? 'cell-allowed' : 'cell-refused'}`}
                      >
                        <span>{prediction}</span>
                        {condition && <span className="cell-condition">{condition}</span>}
                      </td>
                    );
                  }
                  const actual =
                    state?.status === 'done' ? state.result.response.status : undefined;
                  const mismatch =
                    actual !== undefined &&
                    wasAllowed(actual) !== expected.allowed &&
                    actual !== expected.status &&
                    !(state?.status === 'done' && refusedAsSharedDemoAccount(state.result));
                  const effect = needsConfirmation(route, caller);
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
                          // A request that changes things for everyone waits for a confirmation below.
                          if (!effect) void sendCell(route, caller);
                        }}
                      >
                        <span className="visually-hidden">
                          Send {route.method} {route.path} as {callerName(caller)}:{' '}
                        </span>
                        <span className="prediction">{prediction}</span>
                        {condition && <span className="cell-condition">{condition}</span>}
                        {effect && !state && <span className="actual">asks first</span>}
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
          {selectedEffect && selectedTarget && selectedCell?.status !== 'pending' && (
            <div className="notice notice-info confirm-cell">
              <p>
                This request {selectedEffect}.
                {refusedForDemoAccounts(selectedTarget.route) &&
                  ' In demo mode the API refuses it for the shared demo accounts, so other learners stay signed in.'}
              </p>
              <div className="button-row">
                <ConfirmAction
                  label="Send this request…"
                  question={`Send ${selected} anyway?`}
                  confirmLabel="Yes, send it"
                  onConfirm={() => void sendConfirmed(selectedTarget.route, selectedTarget.caller)}
                />
              </div>
            </div>
          )}
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
                // Read with the cell's own token: the session id alone shows only anonymous requests.
                <TraceById
                  traceId={selectedCell.result.response.traceId}
                  {...(selectedCell.result.token ? { token: selectedCell.result.token } : {})}
                />
              )}
            </>
          )}
        </section>
      )}
    </section>
  );
}
