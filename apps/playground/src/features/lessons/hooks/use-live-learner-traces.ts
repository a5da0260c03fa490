import { useCallback, useEffect } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import type { Trace } from '@authlab/shared';
import { playgroundSessionId } from '../../../lib/playground-session';
import { useTraceStream, type StreamStatus } from '../../../lib/use-trace-stream';
import { learnerTracesKey, mergeTraces, useLearnerTraces } from '../api/get-learner-traces';

/** This browser's requests, read with the current token: loaded, then kept up to date by the live stream. */
export function useLiveLearnerTraces(
  token: string | undefined,
  cookieSession?: string,
): {
  query: ReturnType<typeof useLearnerTraces>;
  stream: StreamStatus;
} {
  const queryClient = useQueryClient();
  const query = useLearnerTraces(token);
  const add = useCallback(
    (trace: Trace) => {
      // Before the first load the list is not known yet; that load will contain this trace anyway.
      if (
        trace.owner.session !== playgroundSessionId() ||
        queryClient.getQueryState(learnerTracesKey())?.status !== 'success'
      )
        return;
      queryClient.setQueryData<Trace[]>(learnerTracesKey(), (previous = []) =>
        mergeTraces([trace], previous),
      );
    },
    [queryClient],
  );
  // A refused token (signed out, expired) still leaves the session's anonymous requests to follow.
  const stream = useTraceStream(token, add, { anonymousWhenRefused: true, cookieSession });

  // Whenever the stream (re)connects, load the list again: nothing between two connections is lost.
  useEffect(() => {
    if (stream === 'live') void queryClient.invalidateQueries({ queryKey: learnerTracesKey() });
  }, [stream, queryClient]);

  return { query, stream };
}
