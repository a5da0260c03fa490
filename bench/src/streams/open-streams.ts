import { Agent, get, type ClientRequest } from 'node:http';

/** Admin trace streams held open by the bench, their events read and thrown away. */
export interface OpenStreams {
  close(): Promise<void>;
}

/**
 * Opens `count` GET /api/traces/stream connections with `token` and keeps reading them (an
 * unread stream would fill up and be dropped by the server). Node's plain http client, bytes
 * discarded undecoded: the reader's own cost stays small.
 */
export async function openStreams(
  origin: string,
  token: string,
  count: number,
): Promise<OpenStreams> {
  const agent = new Agent({ keepAlive: false, maxSockets: Number.POSITIVE_INFINITY });
  const requests: ClientRequest[] = [];
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve, reject) => {
          const request = get(
            `${origin}/api/traces/stream`,
            { agent, headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' } },
            (response) => {
              if (response.statusCode !== 200) {
                reject(new Error(`A trace stream answered ${response.statusCode}`));
                return;
              }
              response.on('data', () => {});
              response.on('error', () => {});
              resolve();
            },
          );
          request.on('error', (error) => {
            if (!request.destroyed) reject(error);
          });
          requests.push(request);
        }),
    ),
  );
  return {
    close: async () => {
      for (const request of requests) request.destroy();
      agent.destroy();
      // Give the server a moment to see the connections go before the next measurement.
      await new Promise((resolve) => setTimeout(resolve, 200));
    },
  };
}
