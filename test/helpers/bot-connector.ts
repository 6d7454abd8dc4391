// A stand-in Bot Connector on loopback: records what a bot posts to a conversation and answers each
// post with a new activity id, as the real service does.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorPost {
  method: string;
  path: string;
  body: Record<string, unknown>;
}

export interface BotConnector {
  /** The serviceUrl to put in activities. */
  readonly url: string;
  /** Every request so far, in order. */
  readonly received: ConnectorPost[];
  close(): Promise<void>;
}

/** Starts the connector on 127.0.0.1:0. */
export async function startConnector(): Promise<BotConnector> {
  const received: ConnectorPost[] = [];
  const server = http.createServer((req, res) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => {
      received.push({
        method: req.method ?? '',
        path: req.url ?? '',
        body: JSON.parse(data || '{}') as Record<string, unknown>,
      });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `reply-${received.length}` }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise((r) => server.close(() => r())),
  };
}
