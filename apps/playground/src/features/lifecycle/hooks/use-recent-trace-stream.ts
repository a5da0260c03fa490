import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Trace } from '@authlab/shared';
import { useTraceStream, type StreamStatus } from '../../../lib/use-trace-stream';
import { RECENT_LIMIT, recentTracesKey } from '../api/get-recent-traces';

export type { StreamStatus };

/** Puts each trace of the live stream at the top of the recent list. */
export function useRecentTraceStream(token: string | undefined): StreamStatus {
  const queryClient = useQueryClient();
  const add = useCallback(
    (trace: Trace) =>
      queryClient.setQueryData<Trace[]>(recentTracesKey(token), (previous = []) =>
        [trace, ...previous.filter((known) => known.id !== trace.id)].slice(0, RECENT_LIMIT),
      ),
    [queryClient, token],
  );
  return useTraceStream(token, add);
}
