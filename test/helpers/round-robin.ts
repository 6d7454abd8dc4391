// A round-robin HTTP proxy in front of several app instances, as a load balancer would put them: each
// request goes to the next instance; one that refuses the connection (killed) is skipped, so a
// request reaches a live instance while one is down. Bodies are buffered (requests here are small).
import { createServer, request, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RoundRobin {
  readonly url: string;
  readonly port: number;
  /** How many requests each upstream port answered. */
  readonly served: Map<number, number>;
  close(): Promise<void>;
}

function forward(
  req: IncomingMessage,
  body: Buffer,
  port: number,
): Promise<{ status: number; headers: IncomingMessage['headers']; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const out = request(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

/** Starts the proxy on 127.0.0.1 over `ports` (the instances), in turn. */
export async function startRoundRobin(ports: readonly number[]): Promise<RoundRobin> {
  let next = 0;
  const served = new Map<number, number>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const start = next++;
      const attempt = async (i: number): Promise<void> => {
        const port = ports[(start + i) % ports.length]!;
        try {
          const r = await forward(req, body, port);
          served.set(port, (served.get(port) ?? 0) + 1);
          res.writeHead(r.status, r.headers);
          res.end(r.body);
        } catch (err) {
          if (i + 1 < ports.length) return attempt(i + 1);
          res.writeHead(502, { 'content-type': 'text/plain' });
          res.end(`no instance answered: ${(err as Error).message}`);
        }
      };
      void attempt(0);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    served,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
