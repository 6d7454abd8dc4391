// The front thread's forwarder (see front-thread.ts): every request that is not handed over goes to the
// app's own server on loopback, streamed both ways, within its route's body limit.
import http, { type IncomingMessage, type OutgoingHttpHeaders, type ServerResponse } from 'node:http';
import { AppError, errorBody } from '../app-error';
import { tooLarge } from './body';
import { pathOf } from './edge-request';
import type { FrontSettings } from './front-protocol';

type Log = (level: 'info' | 'warn', msg: string, detail?: Record<string, unknown>) => void;

// Headers that describe one connection, not the message: each hop sets its own. `expect` too: the front
// has already told the client to go on (Node answers 100-continue itself).
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'transfer-encoding',
  'upgrade',
  'expect',
]);

export interface Forwarder {
  forward(req: IncomingMessage, res: ServerResponse): void;
  /** Drops the idle connections to the app. */
  close(): void;
}

export function createForwarder(upstreamPort: number, limits: FrontSettings['limits'], log: Log): Forwarder {
  // Idle connections to the app are kept for reuse and never capped: a cap queues requests behind one
  // another (it doubled the median reaction when tried at 16). They are dropped after 30 s idle, well
  // before the app's server would close them (front.ts sets its keep-alive to 65 s), so a request never
  // races a closing connection.
  const upstream = new http.Agent({ keepAlive: true, scheduling: 'lifo', timeout: 30_000 });

  // A restify path as segments: a `:param` segment matches any one segment, a trailing `*` the rest.
  const routes = limits.map(({ method, path, limit }) => ({
    method,
    segments: path.split('/'),
    limit,
  }));
  const widest = Math.max(0, ...limits.map((l) => l.limit));

  /** The body limit of the route a request goes to; the widest of all for a request no route takes (restify's 404). */
  function limitFor(method: string | undefined, url: string): number {
    let path = pathOf(url);
    // restify's router forgives one trailing slash; so does the limit.
    if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
    const parts = path.split('/');
    for (const route of routes) {
      if (route.method !== method) continue;
      const { segments } = route;
      const wild = segments[segments.length - 1] === '*';
      if (wild ? parts.length < segments.length : parts.length !== segments.length) continue;
      const fixed = wild ? segments.length - 1 : segments.length;
      let same = true;
      for (let i = 0; i < fixed && same; i++)
        same = segments[i]!.startsWith(':') ? parts[i] !== '' : segments[i] === parts[i];
      if (same) return route.limit;
    }
    return widest;
  }

  /** The 413 the app's edge gives, from here: the upload goes no further and the connection closes. */
  function refuseTooLarge(res: ServerResponse, limit: number, path: string): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const err = tooLarge(limit);
    log('info', err.message, { code: err.code, path });
    res.writeHead(413, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
    res.end(JSON.stringify(errorBody(err)));
  }

  function forward(req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/';
    const limit = limitFor(req.method, url);
    if (Number(req.headers['content-length']) > limit) {
      refuseTooLarge(res, limit, url);
      return;
    }
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(req.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
    const toApp = http.request(
      {
        agent: upstream,
        host: '127.0.0.1',
        port: upstreamPort,
        method: req.method,
        path: req.url,
        headers,
      },
      (fromApp) => {
        const out: OutgoingHttpHeaders = {};
        for (const [name, value] of Object.entries(fromApp.headers))
          if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
        // The app closes after some answers (an oversize upload): the client's connection closes too.
        if (fromApp.headers.connection === 'close') out.connection = 'close';
        res.writeHead(fromApp.statusCode ?? 502, fromApp.statusMessage, out);
        // A stream (server-sent events) is on its way at once, not at the first chunk.
        if (fromApp.headers['content-length'] === undefined) res.flushHeaders();
        fromApp.pipe(res);
      },
    );
    let refused = false;
    toApp.on('error', (err) => {
      if (refused) return;
      if (res.headersSent) {
        res.destroy();
        return;
      }
      log('warn', 'the app did not answer a forwarded request', { err: err.message, path: req.url });
      const body = JSON.stringify(
        errorBody(new AppError('unavailable', 'The app is not answering; try again shortly.')),
      );
      res.writeHead(503, { 'content-type': 'application/json; charset=utf-8', connection: 'close' });
      res.end(body);
    });
    // The client went away (or a stream was closed): so does the request to the app.
    res.once('close', () => {
      if (!res.writableFinished) toApp.destroy();
    });
    // Counted before each chunk is forwarded, so the front refuses an upload before the app could.
    let size = 0;
    const count = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return;
      refused = true;
      req.off('data', count);
      req.unpipe(toApp);
      toApp.destroy();
      refuseTooLarge(res, limit, url);
    };
    req.on('data', count);
    req.pipe(toApp);
  }

  return { forward, close: () => upstream.destroy() };
}
