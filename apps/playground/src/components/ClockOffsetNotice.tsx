import { useClock } from '../lib/api/get-clock';
import { formatOffset } from '../lib/durations';

/** Says so while the API's clock runs ahead of the real one (an instructor fast-forwarded it). */
export function ClockOffsetNotice() {
  const clock = useClock();
  const offset = clock.data?.offsetSeconds ?? 0;
  if (offset === 0) return null;
  return (
    <p className="notice clock-offset" role="status">
      <strong>
        The API’s clock is {formatOffset(offset)} {offset > 0 ? 'ahead' : 'behind'}
      </strong>{' '}
      (simulated time). Tokens expire that much sooner than the page’s countdowns show.
    </p>
  );
}
