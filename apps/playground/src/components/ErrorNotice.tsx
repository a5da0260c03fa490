import { ApiError } from '../lib/api-client';

interface ErrorNoticeProps {
  error: Error;
  /** What was being attempted, e.g. "Sign-in failed". */
  title: string;
}

/** An error as the API reported it: status, message and the trace id to look it up by. */
export function ErrorNotice({ error, title }: ErrorNoticeProps) {
  return (
    <div className="notice notice-error" role="alert">
      <p className="notice-title">
        {title}
        {error instanceof ApiError && (
          <>
            : <span className="mono">{error.statusCode}</span> {error.error}
          </>
        )}
      </p>
      <p>{error.message}</p>
      {error instanceof ApiError && error.details.length > 0 && (
        <ul>
          {error.details.map((issue) => (
            <li key={issue.path}>
              <span className="mono">{issue.path}</span> {issue.message}
            </li>
          ))}
        </ul>
      )}
      {error instanceof ApiError && error.traceId && (
        <p className="notice-meta">
          Trace id <span className="mono">{error.traceId}</span>
        </p>
      )}
    </div>
  );
}
