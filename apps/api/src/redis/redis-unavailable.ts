import { ReplyError, type Redis } from 'ioredis';
import { ApiException } from '../common/errors/api-exception.js';

/**
 * Runs the Redis work a request needs. A Redis that cannot be reached (refused, closed, timed
 * out) is a passing outage, not the request's fault nor a bug: the answer is 503 with
 * Retry-After, as for every request while the revocation state is being resynchronised — never
 * a 500. An error Redis itself answered (a ReplyError) is a bug, and stays one. While the client
 * is not connected the answer comes at once, rather than after the reconnection attempts a
 * queued command would wait for.
 */
export async function unlessRedisUnreachable<T>(client: Redis, work: () => Promise<T>): Promise<T> {
  if (client.status !== 'ready') throw unreachable();
  try {
    return await work();
  } catch (error) {
    if (repliedByRedis(error)) throw error;
    throw unreachable();
  }
}

function unreachable(): ApiException {
  return new ApiException(503, 'Shared state cannot be reached for a moment; try again shortly.', {
    'Retry-After': '1',
  });
}

function repliedByRedis(error: unknown): boolean {
  const replyError = ReplyError as typeof Error;
  return (
    error instanceof replyError || (error instanceof Error && error.cause instanceof replyError)
  );
}
