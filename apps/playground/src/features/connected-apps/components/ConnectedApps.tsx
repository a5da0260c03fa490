import { SCOPE_DESCRIPTIONS } from '@authlab/shared';
import { ErrorNotice } from '../../../components/ErrorNotice';
import type { PlaygroundSession } from '../../../lib/session-store';
import { useGrants } from '../api/get-grants';
import { useRevokeGrant } from '../api/revoke-grant';

interface ConnectedAppsProps {
  session: PlaygroundSession;
}

/** The applications the user let act for them (OAuth grants), each with a way to take it back. */
export function ConnectedApps({ session }: ConnectedAppsProps) {
  const grants = useGrants(session);
  const revoke = useRevokeGrant(session);

  return (
    <section className="panel" aria-labelledby="connected-apps-heading">
      <h2 id="connected-apps-heading">
        Connected applications <span className="mono heading-note">GET /api/oauth/grants</span>
      </h2>
      {grants.isPending && <p role="status">Asking the API…</p>}
      {grants.isError && <ErrorNotice title="GET /api/oauth/grants failed" error={grants.error} />}
      {revoke.isError && (
        <ErrorNotice title="DELETE /api/oauth/grants failed" error={revoke.error} />
      )}
      {grants.isSuccess && grants.data.length === 0 && (
        <p className="hint">
          No application acts for you. One that asks appears here once you allow it.
        </p>
      )}
      {grants.isSuccess && grants.data.length > 0 && (
        <ul className="connected-apps">
          {grants.data.map((grant) => (
            <li key={grant.clientId}>
              <strong>{grant.name}</strong>{' '}
              <span className="hint">since {new Date(grant.grantedAt).toLocaleString()}</span>
              <ul>
                {grant.scope.map((permission) => (
                  <li key={permission}>{SCOPE_DESCRIPTIONS[permission]}</li>
                ))}
              </ul>
              <button
                type="button"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate(grant.clientId)}
              >
                Revoke access for {grant.name}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
