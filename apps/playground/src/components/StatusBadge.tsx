import { statusLine, statusTone } from './http-status';

/** An HTTP status with its reason phrase; colour only repeats what the words say. */
export function StatusBadge({
  status,
  statusText,
  short = false,
}: {
  status: number;
  statusText?: string;
  short?: boolean;
}) {
  const line = statusLine(status, statusText);
  return (
    <span className={`status-badge status-${statusTone(status)}`} title={short ? line : undefined}>
      {short ? status : line}
    </span>
  );
}
