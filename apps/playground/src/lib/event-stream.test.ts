import { describe, expect, it } from 'vitest';
import { readEventStream } from './event-stream';

function streamOf(...chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(stream: ReadableStream<Uint8Array>) {
  const events = [];
  for await (const event of readEventStream(stream)) events.push(event);
  return events;
}

describe('readEventStream', () => {
  it('reads named events whose lines arrive split across chunks', async () => {
    const events = await collect(
      streamOf(
        'event: tr',
        'ace\ndata: {"id":',
        '"a"}\n\n: keep-alive\n\nevent: trace\r\ndata: {"id":"b"}\r\n\r\n',
      ),
    );

    expect(events).toEqual([
      { event: 'trace', data: '{"id":"a"}' },
      { event: 'trace', data: '{"id":"b"}' },
    ]);
  });

  it('joins multi-line data and defaults the event name to "message"', async () => {
    expect(await collect(streamOf('id: 7\ndata: one\ndata: two\n\n'))).toEqual([
      { event: 'message', data: 'one\ntwo', id: '7' },
    ]);
  });

  it('drops an event that the stream cut off before its blank line', async () => {
    expect(await collect(streamOf('event: trace\ndata: {"id"'))).toEqual([]);
  });
});
