import type http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { Readable } from 'node:stream';
import restify from 'restify';
import type { Logger } from '../logger';
import { AppError, errorBody } from '../errors';
import { answerRoute, DEFAULT_BODY_LIMIT, toWire } from './answer';
import { readBody } from './body';
import { LazyEdgeRequest, pathOf } from './edge-request';
import type { EarlyAnswer, EdgeResponse, Route } from './types';

// restify 11 replaces http.ServerResponse.prototype.writeHead for the whole process and drops its
// return value (Node documents it as the response, for `res.writeHead(200).end()`). It is used as it
// is: nothing in this process chains writeHead (an eslint rule keeps it so).

export interface HttpServer {
  listen(port: number, host: string): Promise<{ port: number; url: string }>;
  /** Stops accepting, waits for in-flight requests up to graceMs, then closes idle and remaining sockets. */
  close(graceMs: number): Promise<void>;
}

/**
 * The only place that knows restify (pinned to 11 for Node 20): it turns the route table into restify
 * routes and every edge result or error into a response. Nothing else in the app imports restify.
 * `keepAliveMs` is how long an idle connection is kept (Node's default, 5 s, when not given).
 */
export function createRestifyServer(
  routes: readonly Route[],
  logger: Logger,
  options: { readonly keepAliveMs?: number } = {},
): HttpServer {
  const server = restify.createServer({ name: 'switchboard', handleUncaughtExceptions: false });
  if (options.keepAliveMs !== undefined) server.server.keepAliveTimeout = options.keepAliveMs;
  const sockets = new Set<Socket>();
  let inFlight = 0;
  let idleWaiter: (() => void) | undefined;

  server.server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  // A client error (bad request line, reset socket) must never take the process down.
  server.server.on('clientError', (err: Error, socket: Socket) => {
    logger.debug({ err: err.message }, 'client error on socket');
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  for (const route of routes) {
    const register = {
      GET: server.get,
      POST: server.post,
      PUT: server.put,
      PATCH: server.patch,
      DELETE: server.del,
    }[route.method].bind(server);
    register(route.path, (req: restify.Request, res: restify.Response, next: restify.Next) => {
      inFlight++;
      handle(route, req, res)
        .catch((err: unknown) => logger.error({ err }, 'response could not be written'))
        .finally(() => {
          inFlight--;
          if (inFlight === 0) idleWaiter?.();
          next();
        });
    });
  }

  const early = new Map<string, { answer: EarlyAnswer; limit: number }>();
  for (const route of routes) {
    if (!route.early) continue;
    early.set(`${route.method} ${route.path}`, {
      answer: route.early,
      limit: route.maxBodyBytes ?? DEFAULT_BODY_LIMIT,
    });
  }
  if (early.size > 0) answerEarly(server.server, early, logger);

  // restify answers 404/405 itself; give its error our one error shape (it serialises via toJSON).
  for (const event of ['NotFound', 'MethodNotAllowed'] as const) {
    server.on(
      event,
      (req: restify.Request, _res: restify.Response, err: { toJSON?: () => unknown }, cb: () => void) => {
        const e =
          event === 'NotFound'
            ? new AppError('not_found', `No route for ${req.method} ${req.getPath()}.`)
            : new AppError('method_not_allowed', `${req.method} is not allowed on ${req.getPath()}.`);
        err.toJSON = () => errorBody(e);
        cb();
      },
    );
  }

  async function handle(route: Route, req: restify.Request, res: restify.Response): Promise<void> {
    const limit = route.maxBodyBytes ?? DEFAULT_BODY_LIMIT;
    const result = await answerRoute(route, new RestifyEdgeRequest(req, limit), limit, logger);
    if (result && !res.writableEnded && !req.socket.destroyed)
      await new Promise<void>((sent) => send(res, result, sent));
  }

  return {
    listen(port, host) {
      return new Promise((resolve, reject) => {
        // restify re-emits the HTTP server's errors on itself, where nothing else listens for them.
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          const addr = server.server.address();
          const actual = typeof addr === 'object' && addr ? addr.port : port;
          resolve({ port: actual, url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}` });
        });
      });
    },
    async close(graceMs) {
      const closed = new Promise<void>((resolve) => server.server.close(() => resolve()));
      server.server.closeIdleConnections?.();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((resolve) => (idleWaiter = resolve)),
          new Promise<void>((resolve) => setTimeout(resolve, graceMs).unref()),
        ]);
      }
      for (const s of sockets) s.destroy();
      await closed;
    },
  };
}

/**
 * Puts the routes' early answers in front of restify's request listener. A request they answer (a flood
 * of known-forged tokens, say) costs the HTTP parsing and the check, not restify's per-request set-up,
 * routing and handler chain; any other request, including one whose path differs in a way the router
 * would forgive (a trailing slash), goes to restify untouched, and its edge gives the same answer.
 */
function answerEarly(
  httpServer: http.Server,
  answers: ReadonlyMap<string, { answer: EarlyAnswer; limit: number }>,
  logger: Logger,
): void {
  const routed = httpServer.listeners('request') as Array<
    (req: IncomingMessage, res: ServerResponse) => void
  >;
  httpServer.removeAllListeners('request');
  httpServer.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? '/';
    const early = answers.get(`${req.method} ${pathOf(url)}`);
    // A declared oversize body is refused (413) before the edge on the routed path; so it is here too.
    if (early && !(Number(req.headers['content-length']) > early.limit)) {
      let result: EdgeResponse | undefined;
      try {
        result = early.answer(req.headers);
      } catch (err) {
        logger.error({ err, path: url }, 'early answer failed; the request goes to its route');
      }
      if (result) {
        send(res, result);
        return;
      }
    }
    for (const listener of routed) listener.call(httpServer, req, res);
  });
}

/** A restify request as an edge sees it: path parameters from restify's router, the body read on demand. */
class RestifyEdgeRequest extends LazyEdgeRequest {
  readonly #req: restify.Request;
  readonly #limit: number;
  #params: Record<string, string> | undefined;
  #body: Promise<Buffer> | undefined;

  constructor(req: restify.Request, limit: number) {
    super(req.method ?? 'GET', req.url ?? '/', req.headers);
    this.#req = req;
    this.#limit = limit;
  }

  get params(): Readonly<Record<string, string>> {
    return (this.#params ??= { ...(this.#req.params as Record<string, string>) });
  }
  body(): Promise<Buffer> {
    return (this.#body ??= readBody(this.#req as unknown as IncomingMessage, this.#limit));
  }
}

/** Writes the response; calls `sent` once it has been ended (a stream: once it has started). */
function send(res: ServerResponse, result: EdgeResponse, sent?: () => void): void {
  const wire = toWire(result);
  if (!wire) {
    // A long-lived answer (server-sent events): headers now, then whatever the edge writes.
    const body = result.body as Readable;
    res.writeHead(result.status, { ...result.headers });
    res.flushHeaders();
    res.on('close', () => body.destroy());
    body.pipe(res);
    sent?.();
    return;
  }
  res.writeHead(wire.status, wire.headers);
  if (wire.payload === undefined) {
    res.end();
    sent?.();
    return;
  }
  // Head and body leave in one write(2): write() corks the socket until the next tick, and ending the
  // response after that flush adds nothing. end(body) would also queue an empty final chunk while corked,
  // which turns every response into a writev(2) of two buffers (measurably slower per response).
  res.write(wire.payload);
  process.nextTick(() => {
    if (!res.writableEnded) res.end();
    sent?.();
  });
}
