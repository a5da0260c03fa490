/**
 * The load generator: autocannon in its own process, pinned to the client core by the
 * orchestrator, so it never shares a CPU with the server it measures. It stays up for the whole
 * bench (starting a process per run would cost a third of a second each time) and runs the
 * LoadJobs it is sent over IPC, several at once when asked, answering each with a LoadResult.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { summariseLatencies } from '../report/stats.js';
import type { LoadJob, LoadResult } from './load-job.js';

function run(job: LoadJob): Promise<LoadResult> {
  const rotating = job.rotate
    ? readFileSync(job.rotate.file, 'utf8').split('\n').filter(Boolean)
    : [];
  // One counter over all connections: consecutive requests carry different tokens, and a token
  // comes back only after all the others have been used.
  let next = 0;
  const setupRequest = (request: autocannon.Request): autocannon.Request => {
    const value = rotating[next++ % rotating.length]!;
    return { ...request, headers: { ...request.headers, [job.rotate!.header]: value } };
  };

  // autocannon's own histogram has 1 ms resolution; these responses are often faster than that.
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};

  return new Promise<LoadResult>((resolve, reject) => {
    const instance = autocannon(
      {
        url: job.url,
        method: job.method ?? 'GET',
        headers: job.headers ?? {},
        ...(job.body === undefined ? {} : { body: job.body }),
        connections: job.connections,
        pipelining: 1,
        ...(job.amount ? { amount: job.amount } : { duration: job.seconds ?? 5 }),
        ...(job.overallRate ? { overallRate: job.overallRate } : {}),
        ...(job.rotate ? { requests: [{ setupRequest }] } : {}),
      },
      (error, result) => {
        if (error) return reject(error instanceof Error ? error : new Error(String(error)));
        const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
        resolve({
          responses: latencies.length,
          seconds,
          rps: latencies.length / seconds,
          latency: summariseLatencies(latencies),
          statusCodes,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on('response', (_client, statusCode: number, _bytes, responseTime: number) => {
      latencies.push(responseTime);
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
    });
  });
}

process.on('message', (message: { id: number; job: LoadJob }) => {
  run(message.job).then(
    (result) => process.send!({ id: message.id, result }),
    (error: Error) => process.send!({ id: message.id, error: error.message }),
  );
});
