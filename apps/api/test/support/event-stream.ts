import type { AddressInfo } from 'node:net';
import type { TestApp } from './test-app.js';

/** The app's real HTTP server on a loopback port: streams need a connection that stays open. */
export async function listenOnLoopback(testApp: TestApp): Promise<string> {
  const server = testApp.app.getHttpServer();
  if (!server.listening)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

export interface ServerSentEvent {
  event: string;
  id?: string;
  data: string;
}

/** An open GET /api/traces/stream, read as its bytes arrive. */
export interface OpenEventStream {
  status: number;
  headers: Headers;
  /** The body of a refusal (not 200). */
  refusal?: unknown;
  events: ServerSentEvent[];
  /** Resolves once an event matches, or rejects after `timeoutMs`. */
  waitFor(match: (event: ServerSentEvent) => boolean, timeoutMs?: number): Promise<ServerSentEvent>;
  /** Resolves when the server has ended the response; rejects after `timeoutMs`. */
  ended(timeoutMs?: number): Promise<void>;
  close(): void;
}

export async function openEventStream(
  url: string,
  headers: Record<string, string>,
): Promise<OpenEventStream> {
  const controller = new AbortController();
  const response = await fetch(url, { headers, signal: controller.signal });
  const events: ServerSentEvent[] = [];
  const waiters = new Set<() => void>();
  let done = false;
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body!) {
          buffer += decoder.decode(chunk as Uint8Array, { stream: true });
          let split: number;
          while ((split = buffer.indexOf('\n\n')) !== -1) {
            const block = buffer.slice(0, split);
            buffer = buffer.slice(split + 2);
            const event: ServerSentEvent = { event: 'message', data: '' };
            for (const line of block.split('\n')) {
              if (line.startsWith('event: ')) event.event = line.slice(7);
              else if (line.startsWith('id: ')) event.id = line.slice(4);
              else if (line.startsWith('data: ')) event.data += line.slice(6);
            }
            events.push(event);
          }
          wake();
        }
      } catch {
        // Aborted by close().
      }
      done = true;
      wake();
    })();
  }
  const refusal = response.ok ? undefined : await response.json();
  if (!response.ok) done = true;

  const until = (ready: () => boolean, what: string, timeoutMs: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!ready()) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(`Timed out waiting for ${what}; events so far: ${JSON.stringify(events)}`),
        );
      }, timeoutMs);
      waiters.add(check);
      check();
    });

  return {
    status: response.status,
    headers: response.headers,
    refusal,
    events,
    async waitFor(match, timeoutMs = 5000) {
      await until(() => events.some(match) || done, 'an event', timeoutMs);
      const found = events.find(match);
      if (!found) throw new Error(`The stream ended first; events: ${JSON.stringify(events)}`);
      return found;
    },
    ended: (timeoutMs = 5000) => until(() => done, 'the end of the stream', timeoutMs),
    close: () => controller.abort(),
  };
}
