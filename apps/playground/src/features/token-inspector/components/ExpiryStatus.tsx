import { formatCountdown, formatSpan } from '../../../lib/durations';

interface ExpiryStatusProps {
  exp: unknown;
  nbf: unknown;
  nowSeconds: number;
}

/** "Expires in 4:32", counting down each second, or "Expired 3 min ago". */
export function ExpiryStatus({ exp, nbf, nowSeconds }: ExpiryStatusProps) {
  if (typeof exp !== 'number') {
    return <p className="expiry expiry-none">No expiry: this token never expires.</p>;
  }
  const left = exp - nowSeconds;
  const notYet = typeof nbf === 'number' && nbf > nowSeconds;
  return (
    <p
      className={`expiry ${left > 0 ? 'expiry-live' : 'expiry-expired'}`}
      role="timer"
      aria-label="Token expiry"
    >
      {left > 0 ? (
        <>
          Expires in <strong className="mono">{formatCountdown(left)}</strong>
        </>
      ) : (
        <>
          <strong>Expired {formatSpan(left)} ago</strong>: the API refuses it with 401.
        </>
      )}
      {notYet && <> · not valid for another {formatSpan(nbf - nowSeconds)}</>}
    </p>
  );
}
