// One server-sent-events stream: `event:` + one `data:` line of JSON + a blank line, a `retry:` hint
// first and a comment every 25 s so proxies keep the connection open.
import { PassThrough } from 'node:stream';

export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-cache, no-transform',
  'x-accel-buffering': 'no',
};

export interface SseStream {
  readonly body: PassThrough;
  send(event: string, data: unknown): void;
  readonly closed: boolean;
  /** Runs once when the client goes away or the stream is ended. */
  onClose(fn: () => void): void;
  end(): void;
}

/** Formats one event. */
export function formatEvent(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

/** Opens a stream; the caller returns `body` as the response body. */
export function openSse(keepAliveMs = 25_000): SseStream {
  const body = new PassThrough();
  let closed = false;
  const closers: Array<() => void> = [];
  const ping = setInterval(() => body.write(': ping\n\n'), keepAliveMs);
  ping.unref();
  const finish = () => {
    if (closed) return;
    closed = true;
    clearInterval(ping);
    for (const fn of closers.splice(0)) fn();
  };
  body.on('close', finish);
  body.on('error', finish);
  body.write('retry: 3000\n\n');
  return {
    body,
    get closed() {
      return closed;
    },
    send(event, data) {
      if (!closed) body.write(formatEvent(event, data));
    },
    onClose(fn) {
      if (closed) fn();
      else closers.push(fn);
    },
    end() {
      finish();
      body.end();
    },
  };
}
