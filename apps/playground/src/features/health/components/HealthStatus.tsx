import { ErrorNotice } from '../../../components/ErrorNotice';
import { useHealth } from '../api/get-health';

export function HealthStatus() {
  const health = useHealth();

  return (
    <section className="health" aria-labelledby="health-heading">
      <h2 id="health-heading">API health</h2>
      {health.isPending && <p role="status">Checking the API…</p>}
      {health.isError && <ErrorNotice title="The API is not answering" error={health.error} />}
      {health.status === 'success' && (
        <dl className="facts">
          <div>
            <dt>Status</dt>
            <dd>
              <span className="status-dot" aria-hidden="true" /> {health.data.status}
            </dd>
          </div>
          <div>
            <dt>Database</dt>
            <dd>{health.data.database}</dd>
          </div>
          <div>
            <dt>Uptime</dt>
            <dd>{health.data.uptimeSeconds} s</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
