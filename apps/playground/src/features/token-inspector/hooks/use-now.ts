import { useEffect, useState } from 'react';

/** The current time in seconds, updated every `intervalMs`: drives live countdowns. */
export function useNowSeconds(intervalMs = 1000): number {
  const [now, setNow] = useState(() => Date.now() / 1000);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() / 1000), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
