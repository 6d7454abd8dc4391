// A change-notification endpoint for the emulator's subscription tests, on 127.0.0.1:0: it answers
// Graph's validation handshake (correctly, still encoded, with an error status, or not at all) and
// records every notification POST with its headers.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Wire } from '../../helpers/graph-test-client';

export type HandshakeMode = 'echo' | 'encoded' | 'error' | 'silent';

export interface Validation {
  path: string;
  token: string;
  rawQuery: string;
  contentType: string | undefined;
  body: string;
}

export interface NotificationPost {
  path: string;
  query: string;
  headers: http.IncomingHttpHeaders;
  body: Wire;
}

/** A subscriber's endpoints: any path works; the handshake mode is chosen per path. */
export class Subscriber {
  readonly validations: Validation[] = [];
  readonly posts: NotificationPost[] = [];
  private readonly modes = new Map<string, HandshakeMode>();
  private readonly waiters = new Set<() => void>();

  private constructor(
    private readonly server: http.Server,
    readonly base: string,
  ) {}

  static async start(): Promise<Subscriber> {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const sub = new Subscriber(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    server.on('request', (req, res) => sub.handle(req, res));
    return sub;
  }

  /** The URL of a path on this endpoint. */
  url(path: string): string {
    return `${this.base}${path}`;
  }

  /** How the endpoint answers the handshake on `path` (default: echo the decoded token). */
  handshake(path: string, mode: HandshakeMode): void {
    this.modes.set(path, mode);
  }

  /** Notification items (value[]) that reached a path, in arrival order. */
  items(path: string): Wire[] {
    return this.posts.filter((p) => p.path === path).flatMap((p) => (p.body?.value ?? []) as Wire[]);
  }

  /** Resolves with the first item on `path` matching the predicate. */
  waitFor(path: string, predicate: (n: Wire) => boolean, timeoutMs = 8000): Promise<Wire> {
    const find = () => this.items(path).find(predicate);
    const hit = find();
    if (hit) return Promise.resolve(hit);
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (!found) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve(found);
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(
          new Error(
            `nothing matching on ${path} within ${timeoutMs} ms; got ${JSON.stringify(this.items(path))}`,
          ),
        );
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', this.base);
      const body = Buffer.concat(chunks).toString('utf8');
      const token = url.searchParams.get('validationToken');
      if (token !== null) {
        this.validations.push({
          path: url.pathname,
          token,
          rawQuery: url.search,
          contentType: req.headers['content-type'],
          body,
        });
        const mode = this.modes.get(url.pathname) ?? 'echo';
        if (mode === 'silent') return;
        if (mode === 'error') {
          res.writeHead(500);
          return void res.end();
        }
        const raw = /[?&]validationToken=([^&]*)/.exec(url.search)?.[1] ?? '';
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(mode === 'echo' ? token : raw);
        return;
      }
      let parsed: Wire = body;
      try {
        parsed = JSON.parse(body);
      } catch {
        parsed = body;
      }
      this.posts.push({ path: url.pathname, query: url.search, headers: req.headers, body: parsed });
      res.writeHead(202);
      res.end();
      for (const wake of [...this.waiters]) wake();
    });
  }
}
