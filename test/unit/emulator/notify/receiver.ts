// A local callback endpoint for delivery tests: records every POST and answers as the test tells it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  at: number;
  path: string;
  authorization?: string;
  contentType?: string;
  body: Record<string, unknown>;
}

export interface Answer {
  status: number;
  headers?: Record<string, string>;
}

export class Receiver {
  readonly got: Received[] = [];
  answer: (r: Received, index: number) => Answer = () => ({ status: 202 });
  private server = http.createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (c: Buffer) => parts.push(c));
    req.on('end', () => {
      const r: Received = {
        at: Date.now(),
        path: req.url ?? '',
        authorization: req.headers.authorization,
        contentType: req.headers['content-type'],
        body: JSON.parse(Buffer.concat(parts).toString('utf8') || '{}') as Record<string, unknown>,
      };
      this.got.push(r);
      const a = this.answer(r, this.got.length - 1);
      res.writeHead(a.status, a.headers).end();
    });
  });

  /** Listens on 127.0.0.1, on the given port or a free one. */
  async listen(port = 0): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    return this;
  }

  url(path = '/api/calls'): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
  }

  /** The `seq` field of each body received, in arrival order. */
  seqs(): unknown[] {
    return this.got.map((g) => g.body.seq);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}

/** A loopback port that nothing listens on (refuses connections). */
export async function closedPort(): Promise<number> {
  const s = http.createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const port = (s.address() as AddressInfo).port;
  await new Promise((r) => s.close(r));
  return port;
}

/** Waits until cond() holds, checking every 10 ms; fails after timeoutMs. */
export async function until(cond: () => boolean, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
