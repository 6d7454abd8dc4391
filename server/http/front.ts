import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { AppError } from '../app-error';
import type { Logger } from '../logger';
import { answerRoute, toWire } from './answer';
import { tooLarge } from './body';
import { LazyEdgeRequest } from './edge-request';
import type { FromFront, FrontSettings, HandedBody, HandedRequest, ToFront } from './front-protocol';
import type { EdgeResponse, Route } from './types';

/** A route whose requests the front thread reads whole and hands over as messages. */
export interface HandedRoute {
  readonly route: Route;
  readonly limit: number;
}

export interface Front {
  readonly port: number;
  /** Stops accepting, lets requests in flight finish for up to graceMs, then closes every connection. */
  close(graceMs: number): Promise<void>;
}

/**
 * Starts the front thread (front-thread.ts) listening on host:port in front of the app's server on
 * loopback at upstreamPort, and answers the requests it hands over on this thread with their routes'
 * early answers and edges. Why a thread: libuv accepts one connection per turn of the event loop, and
 * under a burst of calls the app's turns last tens of milliseconds, so a burst of new connections
 * waited most of a second to be accepted. A thread that only accepts and parses never waits.
 *
 * A front thread that dies unexpectedly is started again on the same port; a listen that fails
 * (EADDRINUSE, say) rejects with the error, its code kept.
 */
export async function startFront(options: {
  readonly port: number;
  readonly host: string;
  readonly upstreamPort: number;
  readonly handOver: ReadonlyMap<string, HandedRoute>;
  /** Every route's body limit, enforced on forwarded requests too (FrontSettings.limits). */
  readonly limits: FrontSettings['limits'];
  readonly logger: Logger;
  /** The thread's entry file (front-thread.ts beside this file, or its build); tests give their own. */
  readonly entry?: string;
}): Promise<Front> {
  const { handOver, logger } = options;
  let inFlight = 0;
  let closing = false;
  let current: { worker: Worker; closed: Promise<void> } | undefined;

  const serve = async (worker: Worker, request: HandedRequest): Promise<void> => {
    const handed = handOver.get(request.key);
    if (!handed) return; // cannot happen: the front hands over only the keys it was given
    inFlight++;
    try {
      const { route, limit } = handed;
      let result: EdgeResponse | undefined;
      // As on restify's path, an early answer is not given to a request whose body is over the limit.
      if (route.early && !request.tooLarge) {
        try {
          result = route.early(request.headers);
        } catch (err) {
          logger.error({ err, path: request.url }, 'early answer failed; the request goes to its route');
        }
      }
      const early = result !== undefined;
      result ??= await answerRoute(
        route,
        new MessageEdgeRequest(request, bodyOf(request, limit)),
        limit,
        logger,
      );
      const wire = result && toWire(result);
      if (result && !wire) logger.error({ path: request.url }, 'a handed-over route answered with a stream');
      const reply: ToFront = wire
        ? {
            type: 'answer',
            id: request.id,
            status: wire.status,
            headers: wire.headers,
            payload: wire.payload,
            hold: early && route.earlyBy !== undefined,
          }
        : { type: 'drop', id: request.id };
      worker.postMessage(reply);
    } finally {
      inFlight--;
      bodies.delete(request.id);
    }
  };

  // Bodies that follow their requests (see HandedRequest.bodyFollows), by request id until answered.
  const bodies = new Map<number, (message: HandedBody) => void>();
  const bodyOf = (request: HandedRequest, limit: number): Promise<Buffer> => {
    const settle = (
      message: Omit<HandedBody, 'type' | 'id'>,
      resolve: (b: Buffer) => void,
      reject: (e: AppError) => void,
    ) => {
      const bytes = message.body;
      if (message.outcome === 'read' && bytes)
        resolve(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      else if (message.outcome === 'too_large') reject(tooLarge(limit));
      else reject(new AppError('client_closed', 'The client closed the connection mid-body.'));
    };
    const body = new Promise<Buffer>((resolve, reject) => {
      if (request.bodyFollows) bodies.set(request.id, (message) => settle(message, resolve, reject));
      else settle({ outcome: request.tooLarge ? 'too_large' : 'read', body: request.body }, resolve, reject);
    });
    // An edge that answers without the body (a refused token) never awaits it: its refusal is not a failure.
    body.catch(() => undefined);
    return body;
  };

  // The front answered these from held early answers: account for each as the early answer itself would.
  const repeated = (key: string, counts: ReadonlyArray<readonly [string, number]>): void => {
    const route = handOver.get(key)?.route;
    if (!route?.early || !route.earlyBy) return;
    for (const [value, times] of counts) {
      const headers = { [route.earlyBy.header]: value };
      try {
        for (let i = 0; i < times; i++) route.early(headers);
      } catch (err) {
        logger.error({ err, key }, 'early answer failed while accounting for the front’s repeats');
      }
    }
  };

  // The port asked for (0: any) until the first thread listens; then the port it got, for a restart.
  let port = options.port;
  const start = (): Promise<number> =>
    new Promise((resolve, reject) => {
      const settings: FrontSettings = {
        port,
        host: options.host,
        upstreamPort: options.upstreamPort,
        handOver: [...handOver].map(([key, { route, limit }]) => ({
          key,
          limit,
          earlyBy: route.early ? route.earlyBy : undefined,
        })),
        limits: options.limits,
      };
      const worker = startThread(options.entry ?? ENTRY, settings);
      let listening = false;
      let closedNow!: () => void;
      const closed = new Promise<void>((r) => (closedNow = r));
      worker.on('message', (message: FromFront) => {
        switch (message.type) {
          case 'request':
            serve(worker, message).catch((err: unknown) =>
              logger.error({ err, path: message.url }, 'a handed-over request could not be answered'),
            );
            return;
          case 'body':
            bodies.get(message.id)?.(message);
            return;
          case 'repeated':
            repeated(message.key, message.counts);
            return;
          case 'log':
            logger[message.level]({ ...message.detail, thread: 'front' }, message.msg);
            return;
          case 'listening':
            listening = true;
            port = message.port;
            current = { worker, closed };
            resolve(message.port);
            return;
          case 'failed':
            reject(Object.assign(new Error(message.message), { code: message.code }));
            worker.terminate().catch(() => undefined);
            return;
          case 'closed':
            closedNow();
            return;
        }
      });
      worker.on('error', (err) => {
        logger.error({ err }, 'the front thread failed');
        if (!listening) reject(err);
      });
      worker.on('exit', (code) => {
        closedNow();
        if (!listening || closing || current?.worker !== worker) return;
        logger.error({ code }, 'the front thread stopped; starting it again');
        current = undefined;
        start().catch((err: unknown) =>
          logger.fatal({ err, port }, 'the front thread could not listen again; nothing accepts requests'),
        );
      });
    });

  await start();
  return {
    port,
    async close(graceMs) {
      if (closing) return;
      closing = true;
      const front = current;
      if (!front) return;
      front.worker.postMessage({ type: 'close', graceMs } satisfies ToFront);
      await front.closed;
      await front.worker.terminate();
      if (inFlight > 0) logger.warn({ inFlight }, 'handed-over requests were still running at close');
    },
  };
}

const ENTRY = path.join(__dirname, `front-thread${path.extname(__filename)}`);

/** The front thread; under tsx (tests, benchmarks) its entry is TypeScript, loaded through tsx's hook. */
function startThread(entry: string, settings: FrontSettings): Worker {
  if (!entry.endsWith('.ts')) return new Worker(entry, { workerData: settings });
  const boot = `require(${JSON.stringify(require.resolve('tsx/cjs'))}); require(${JSON.stringify(entry)});`;
  return new Worker(boot, { eval: true, workerData: settings });
}

/** A handed-over request as an edge sees it: the body has been read, or follows, within the limit. */
class MessageEdgeRequest extends LazyEdgeRequest {
  readonly params: Readonly<Record<string, string>> = {};
  readonly #body: Promise<Buffer>;

  constructor(request: HandedRequest, body: Promise<Buffer>) {
    super(request.method, request.url, request.headers);
    this.#body = body;
  }

  body(): Promise<Buffer> {
    return this.#body;
  }
}
