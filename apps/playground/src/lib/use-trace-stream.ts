import { useEffect, useRef, useState } from 'react';
import type { Trace } from '@authlab/shared';
import { ApiError, requestHeaders } from './api-client';
import { readEventStream } from './event-stream';

export type StreamStatus = 'connecting' | 'live' | 'reconnecting' | 'unavailable';

const MAX_DELAY_MS = 15_000;

/**
 * Follows GET /api/traces/stream and hands each new trace to `onTrace`, reconnecting with backoff.
 * Read with fetch, not EventSource, so that it carries the token and the playground session.
 * Without a token the API shows this browser's anonymous requests; with one, that caller's; with an admin's, everyone's.
 */
export function useTraceStream(
  token: string | undefined,
  onTrace: (trace: Trace) => void,
  {
    anonymousWhenRefused = false,
    cookieSession,
  }: {
    anonymousWhenRefused?: boolean;
    /**
     * The cookie session the browser will send with the stream (its sign-in), if any: a new one
     * changes whose requests the API shows, so the stream connects again though no token changed.
     */
    cookieSession?: string | undefined;
  } = {},
): StreamStatus {
  const [status, setStatus] = useState<StreamStatus>('connecting');
  const latest = useRef(onTrace);
  useEffect(() => {
    latest.current = onTrace;
  });

  useEffect(() => {
    const controller = new AbortController();
    // The API ends a stream whose token is revoked or expires, and refuses it with 401 after.
    let credential = token;
    let delay = 500;
    let timer: ReturnType<typeof setTimeout> | undefined;

    async function connect(): Promise<void> {
      try {
        const response = await fetch('/api/traces/stream', {
          headers: requestHeaders({
            ...(credential === undefined ? {} : { token: credential }),
            headers: { Accept: 'text/event-stream' },
          }),
          // A token speaks alone: a cookie beside it would be refused (400).
          credentials: credential === undefined ? 'same-origin' : 'omit',
          signal: controller.signal,
        });
        if (response.status === 404) {
          setStatus('unavailable');
          return;
        }
        if (response.status === 401 && credential !== undefined && anonymousWhenRefused) {
          credential = undefined;
          void connect();
          return;
        }
        if (!response.ok || !response.body)
          throw new ApiError(response.status, response.statusText, 'stream refused', undefined);
        setStatus('live');
        delay = 500;
        for await (const event of readEventStream(response.body)) {
          if (event.event !== 'trace') continue;
          let trace: Trace;
          try {
            trace = JSON.parse(event.data) as Trace;
          } catch {
            // A malformed event is skipped; the next one is independent.
            continue;
          }
          latest.current(trace);
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
  }, [token, anonymousWhenRefused, cookieSession]);

  return status;
}
