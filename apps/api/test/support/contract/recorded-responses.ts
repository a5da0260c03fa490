import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** One answer the API sent, as the client received it: what the contract check reads. */
export interface RecordedResponse {
  method: string;
  /** The request's path and query, as sent. */
  url: string;
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | number | undefined>;
  body: Buffer;
}

type Chunk = string | Buffer | Uint8Array;

function toBuffer(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return undefined;
  if (typeof chunk === 'string')
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  return Buffer.from(chunk as Uint8Array);
}

/**
 * Records every answer the server finishes, whoever asked (supertest, fetch, a raw socket): the
 * listener runs before Express's own, so it sees every byte written. Streams that never finish
 * (server-sent events closed by the client) are not recorded.
 */
export function recordResponses(server: Server): RecordedResponse[] {
  const recorded: RecordedResponse[] = [];
  server.prependListener('request', (request: IncomingMessage, response: ServerResponse) => {
    const chunks: Buffer[] = [];
    const write = response.write.bind(response) as (...args: unknown[]) => boolean;
    const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
    response.write = ((chunk: Chunk, ...rest: unknown[]) => {
      const buffer = toBuffer(chunk, rest[0]);
      if (buffer) chunks.push(buffer);
      return write(chunk, ...rest);
    }) as ServerResponse['write'];
    response.end = ((chunk?: unknown, ...rest: unknown[]) => {
      const buffer = toBuffer(chunk, rest[0]);
      if (buffer) chunks.push(buffer);
      return end(chunk, ...rest);
    }) as ServerResponse['end'];
    response.on('finish', () => {
      recorded.push({
        method: request.method ?? 'GET',
        url: request.url ?? '/',
        status: response.statusCode,
        headers: response.getHeaders(),
        body: Buffer.concat(chunks),
      });
    });
  });
  return recorded;
}
