// The front thread's entry (started by front.ts). It owns the listening socket: it accepts connections
// and parses HTTP on an event loop that nothing else slows, so a burst of new connections (Graph opens a
// fresh one whenever all of its open ones are busy) is accepted at once instead of one per turn of the
// busy main loop. Requests to the routes named in `handOver` are read and handed to the main thread as
// messages (a slow body after its headers); every other request is forwarded, streamed both ways, to the
// app's own server on loopback (front-forward.ts). It imports nothing of the app but the error shape and
// the body and URL helpers of server/http.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../app-error';
import { readBody } from './body';
import { pathOf } from './edge-request';
import { createForwarder } from './front-forward';
import type { FromFront, FrontSettings, HandedBody, ToFront } from './front-protocol';

const settings = workerData as FrontSettings;
const port = parentPort;
if (!port) throw new Error('front-thread.ts runs as a worker thread of front.ts');

const post = (message: FromFront, transfer?: ArrayBuffer[]) => port.postMessage(message, transfer);
const log = (level: 'debug' | 'info' | 'warn' | 'error', msg: string, detail?: Record<string, unknown>) =>
  post({ type: 'log', level, msg, ...(detail ? { detail } : {}) });

const handOver = new Map(settings.handOver.map((route) => [route.key, route]));
const forwarder = createForwarder(settings.upstreamPort, settings.limits, log);

// Early answers the main thread said hold for a value of the route's `earlyBy` header (a refused token,
// say), by route: the front gives them itself until they lapse. Oldest first out, at most HELD_MAX each.
interface Held {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly payload: string | Uint8Array | undefined;
  readonly until: number;
}
const HELD_MAX = 1000;
const held = new Map<string, Map<string, Held>>();
// What was answered from `held` since the last report to the main thread (see front.ts `repeated`).
const repeats = new Map<string, Map<string, number>>();
let reportTimer: NodeJS.Timeout | undefined;
const REPORT_MS = 250;
// How long a handed-over request's body may take before its headers go ahead alone. A notification's body
// is complete within microseconds of its headers (in a 200-call storm every one of 1,343 was); the wait
// only bounds how long a slow upload's headers are held back from the edge.
const BODY_WAIT_MS = 20;
const waiting = new Map<number, ServerResponse>();
let nextId = 1;
let inFlight = 0;
let drained: (() => void) | undefined;

// Exported for tests that wrap the thread (one that crashes on purpose).
export const server = http.createServer((req, res) => {
  inFlight++;
  res.once('close', () => {
    if (--inFlight === 0) drained?.();
  });
  const key = `${req.method} ${pathOf(req.url ?? '/')}`;
  const route = handOver.get(key);
  if (route === undefined) forwarder.forward(req, res);
  else if (!answerHeld(req, res, route.key, route.limit, route.earlyBy?.header))
    handToMain(req, res, key, route.limit);
});
// A client error (bad request line, reset socket) must never take the thread down.
server.on('clientError', (err: Error, socket: Socket) => {
  log('debug', 'client error on socket', { err: err.message });
  if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
  else socket.destroy();
});

/**
 * Hands the request to the main thread: with its body when the body is complete within BODY_WAIT_MS (a
 * notification's body comes with its headers or right after them), else the headers then and the body in
 * a second message, so that the edge can refuse a token without waiting for a slow or endless upload.
 */
function handToMain(req: IncomingMessage, res: ServerResponse, key: string, limit: number): void {
  const id = nextId++;
  waiting.set(id, res);
  res.once('close', () => waiting.delete(id));
  const method = req.method ?? 'POST';
  const head = { type: 'request', id, key, method, url: req.url ?? '/', headers: req.headers } as const;
  let headersSent = false;
  const headersNow = setTimeout(() => {
    headersSent = true;
    post({ ...head, body: undefined, tooLarge: false, bodyFollows: true });
  }, BODY_WAIT_MS);
  const settle = (outcome: HandedBody['outcome'], buffer?: Buffer) => {
    clearTimeout(headersNow);
    // A copy of exactly the body's bytes, so that only they cross (a pooled Buffer's whole slab would).
    const body = buffer && new Uint8Array(buffer);
    const transfer = body ? [body.buffer as ArrayBuffer] : undefined;
    if (headersSent) post({ type: 'body', id, outcome, body }, transfer);
    else if (outcome === 'client_closed')
      waiting.delete(id); // nobody is left to answer
    else post({ ...head, body, tooLarge: outcome === 'too_large', bodyFollows: false }, transfer);
  };
  readBody(req, limit).then(
    (buffer) => settle('read', buffer),
    (err: unknown) =>
      settle(err instanceof AppError && err.code === 'payload_too_large' ? 'too_large' : 'client_closed'),
  );
}

/** Gives a held early answer; false when none holds (as on the main thread, not for an oversize body). */
function answerHeld(
  req: IncomingMessage,
  res: ServerResponse,
  key: string,
  limit: number,
  header: string | undefined,
): boolean {
  const value = header === undefined ? undefined : req.headers[header];
  if (typeof value !== 'string' || Number(req.headers['content-length']) > limit) return false;
  const answer = held.get(key)?.get(value);
  if (!answer) return false;
  if (answer.until <= Date.now()) {
    held.get(key)?.delete(value);
    return false;
  }
  // The body is never read: Node discards it once the answer is sent, and the connection stays usable.
  res.writeHead(answer.status, answer.headers);
  res.end(answer.payload);
  let counts = repeats.get(key);
  if (!counts) repeats.set(key, (counts = new Map()));
  counts.set(value, (counts.get(value) ?? 0) + 1);
  reportTimer ??= setTimeout(report, REPORT_MS);
  return true;
}

function report(): void {
  reportTimer = undefined;
  for (const [key, counts] of repeats) post({ type: 'repeated', key, counts: [...counts] });
  repeats.clear();
}

function answer(message: Extract<ToFront, { type: 'answer' }>): void {
  const res = waiting.get(message.id);
  if (!res) return; // the client has gone
  waiting.delete(message.id);
  if (message.hold) hold(res.req, message);
  if (res.destroyed) return;
  // Answered before the body was all there (a refused token): close rather than read an upload nobody wants.
  const headers = res.req.complete ? message.headers : { ...message.headers, connection: 'close' };
  res.writeHead(message.status, headers);
  res.end(message.payload);
}

function hold(req: IncomingMessage, message: Extract<ToFront, { type: 'answer' }>): void {
  const route = handOver.get(`${req.method} ${pathOf(req.url ?? '/')}`);
  const value = route?.earlyBy && req.headers[route.earlyBy.header];
  if (!route?.earlyBy || typeof value !== 'string') return;
  let answers = held.get(route.key);
  if (!answers) held.set(route.key, (answers = new Map()));
  answers.delete(value);
  if (answers.size >= HELD_MAX) answers.delete(answers.keys().next().value as string);
  const { status, headers, payload } = message;
  answers.set(value, { status, headers, payload, until: Date.now() + route.earlyBy.holdMs });
}

function close(graceMs: number): void {
  server.close();
  server.closeIdleConnections();
  const done = () => {
    clearTimeout(reportTimer);
    report();
    server.closeAllConnections();
    forwarder.close();
    post({ type: 'closed' });
  };
  if (inFlight === 0) return done();
  const timer = setTimeout(done, graceMs);
  drained = () => {
    clearTimeout(timer);
    done();
  };
}

port.on('message', (message: ToFront) => {
  if (message.type === 'answer') answer(message);
  else if (message.type === 'drop') waiting.get(message.id)?.destroy();
  else close(message.graceMs);
});

server.once('error', (err: NodeJS.ErrnoException) =>
  post({ type: 'failed', code: err.code, message: err.message }),
);
server.listen(settings.port, settings.host, () => {
  const address = server.address();
  post({ type: 'listening', port: typeof address === 'object' && address ? address.port : settings.port });
});
