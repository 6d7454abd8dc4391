// A local callback endpoint for delivery tests: records every POST and answers as the test tells it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Received {
  at: number;
  path: string;
  authorization?: string;
  contentType?: string;
  body: Record<string, unknown>;
}

export interface Answer {
  /** 0 leaves the request unanswered. */
  status: number;
  headers?: Record<string, string>;
}

export class Receiver {
  readonly got: Received[] = [];
  answer: (r: Received, index: number) => Answer = () => ({ status: 202 });
  private readonly server: http.Server;

  /** Plain HTTP, or HTTPS when given a key and certificate. */
  constructor(tlsOpts?: { key: string; cert: string }) {
    this.server = tlsOpts ? https.createServer(tlsOpts, this.handle) : http.createServer(this.handle);
  }

  private readonly handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
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
      if (a.status !== 0) {
        res.writeHead(a.status, a.headers);
        res.end();
      }
    });
  };

  /** Listens on 127.0.0.1, on the given port or a free one. */
  async listen(port = 0): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, '127.0.0.1', () => resolve());
    });
    return this;
  }

  url(path = '/api/calls'): string {
    const scheme = this.server instanceof https.Server ? 'https' : 'http';
    return `${scheme}://127.0.0.1:${(this.server.address() as AddressInfo).port}${path}`;
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

/** A throwaway self-signed certificate for 127.0.0.1 made with the openssl CLI, or undefined without it. */
export function selfSignedCert(): { key: string; cert: string } | undefined {
  const dir = mkdtempSync(path.join(tmpdir(), 'notify-tls-'));
  try {
    const out = (name: string) => path.join(dir, name);
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1']
        .concat(['-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'])
        .concat(['-keyout', out('key.pem'), '-out', out('cert.pem')]),
      { stdio: 'ignore' },
    );
    return { key: readFileSync(out('key.pem'), 'utf8'), cert: readFileSync(out('cert.pem'), 'utf8') };
  } catch {
    return undefined; // no openssl: callers skip and say why
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
