import { request, type Agent } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface TimedAnswer {
  status: number;
  ms: number;
}

/**
 * One JSON POST with Node's plain http client, timed from send to the end of the answer
 * (fetch spends 1–2 ms of its own per call, which would be counted against the API).
 */
export function timedPost(url: string, body: unknown, agent: Agent): Promise<TimedAnswer> {
  const text = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const outgoing = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) },
      },
      (response) => {
        response.resume();
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, ms: performance.now() - start }),
        );
      },
    );
    outgoing.on('error', reject);
    outgoing.end(text);
  });
}
