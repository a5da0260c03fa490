import { ErrorNotice } from '../../../components/ErrorNotice';
import { JsonBlock } from '../../../components/JsonBlock';
import type { PlaygroundSession } from '../../../lib/session-store';
import { useMe } from '../api/get-me';

interface MeViewProps {
  session: PlaygroundSession;
}

/** What the API answers to GET /api/auth/me for the signed-in session. */
export function MeView({ session }: MeViewProps) {
  const me = useMe(session);

  return (
    <section className="panel" aria-labelledby="me-heading">
      <h2 id="me-heading">
        Who am I? <span className="mono heading-note">GET /api/auth/me</span>
      </h2>
      <p className="hint me-hint">
        {session.delivery === 'cookie' ? (
          <>Sent with no Authorization header: the browser adds the HttpOnly cookie by itself.</>
        ) : (
          <>
            Sent with <span className="mono">Authorization: Bearer &lt;access token&gt;</span>.
          </>
        )}
      </p>
      {me.isPending && <p role="status">Asking the API…</p>}
      {me.isError && <ErrorNotice title="GET /api/auth/me failed" error={me.error} />}
      {me.isSuccess && (
        <>
          <dl className="facts">
            <div>
              <dt>User</dt>
              <dd>
                {me.data.username} (id {me.data.id})
              </dd>
            </div>
            <div>
              <dt>Role</dt>
              <dd>{me.data.role}</dd>
            </div>
            <div>
              <dt>Permissions</dt>
              <dd>{me.data.permissions.join(', ')}</dd>
            </div>
          </dl>
          <details>
            <summary>The JSON answer</summary>
            <JsonBlock label="Response of GET /api/auth/me" value={me.data} />
          </details>
        </>
      )}
    </section>
  );
}
