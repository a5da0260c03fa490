import { useEffect, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Trace } from '@authlab/shared';
import { ApiError, requestHeaders } from '../../../lib/api-client';
import { readEventStream } from '../../../lib/event-stream';
import { RECENT_LIMIT, recentTracesKey } from '../api/get-recent-traces';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'unavailable';

const MAX_DELAY_MS = 15_000;

/**
 * Follows GET /api/traces/stream and puts each new trace at the top of the recent list. The
 * stream is read with fetch, not EventSource, so that it carries the token and session headers.
 */
export function useTraceStream(token: string | undefined): StreamStatus {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<StreamStatus>('connecting');

  useEffect(() => {
    const controller = new AbortController();
    let delay = 500;
    let timer: ReturnType<typeof setTimeout> | undefined;

    const add = (trace: Trace) =>
      queryClient.setQueryData<Trace[]>(recentTracesKey(token), (previous = []) =>
        [trace, ...previous.filter((known) => known.id !== trace.id)].slice(0, RECENT_LIMIT),
      );

    async function connect(): Promise<void> {
      try {
        const response = await fetch('/api/traces/stream', {
          headers: requestHeaders({ ...(token === undefined ? {} : { token }), headers: { Accept: 'text/event-stream' } }),
          credentials: 'same-origin',
          signal: controller.signal,
        });
        if (response.status === 404) {
          setStatus('unavailable');
          return;
        }
        if (!response.ok || !response.body) throw new ApiError(response.status, response.statusText, 'stream refused', undefined);
        setStatus('live');
        delay = 500;
        for await (const event of readEventStream(response.body)) {
          if (event.event !== 'trace') continue;
          try {
            add(JSON.parse(event.data) as Trace);
          } catch {
            // A malformed event is skipped; the next one is independent.
          }
        }
        throw new Error('stream ended');
      } catch {
        if (controller.signal.aborted) return;
        setStatus('reconnecting');
        timer = setTimeout(() => void connect(), delay);
        delay = Math.min(delay * 2, MAX_DELAY_MS);
      }
    }

    setStatus('connecting');
    void connect();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [queryClient, token]);

  return status;
}
