import { ErrorNotice } from '../../../components/ErrorNotice';
import { JsonBlock } from '../../../components/JsonBlock';
import { useMe } from '../api/get-me';

interface MeViewProps {
  token: string;
}

/** What the API answers to GET /api/auth/me when this token is sent as a bearer token. */
export function MeView({ token }: MeViewProps) {
  const me = useMe(token);

  return (
    <section className="panel" aria-labelledby="me-heading">
      <h2 id="me-heading">
        Who am I? <span className="mono heading-note">GET /api/auth/me</span>
      </h2>
      <p className="hint">
        Sent with <span className="mono">Authorization: Bearer &lt;access token&gt;</span>.
      </p>
      {me.status === 'pending' && <p role="status">Asking the API…</p>}
      {me.status === 'error' && <ErrorNotice title="GET /api/auth/me failed" error={me.error} />}
      {me.status === 'success' && <JsonBlock label="Response of GET /api/auth/me" value={me.data} />}
    </section>
  );
}
