import { useEffect, useEffectEvent, useState } from 'react';

export type QueryState<T> =
  | { status: 'idle' }
  | { status: 'pending' }
  | { status: 'success'; data: T }
  | { status: 'error'; error: Error };

type Settled<T> = Extract<QueryState<T>, { status: 'success' | 'error' }>;

/**
 * Loads server state for `key` and reloads when the key changes; a null key loads nothing.
 * A stand-in for TanStack Query's useQuery while the playground has only a few reads.
 */
export function useQuery<T>(key: string | null, fetcher: (signal: AbortSignal) => Promise<T>): QueryState<T> {
  const [settled, setSettled] = useState<{ key: string; state: Settled<T> } | null>(null);
  const load = useEffectEvent(fetcher);

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setSettled({ key, state: { status: 'success', data } });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const reason = error instanceof Error ? error : new Error(String(error));
        setSettled({ key, state: { status: 'error', error: reason } });
      },
    );
    return () => controller.abort();
  }, [key]);

  if (key === null) return { status: 'idle' };
  // A result for an older key is stale: the new key is still loading.
  if (settled?.key !== key) return { status: 'pending' };
  return settled.state;
}
