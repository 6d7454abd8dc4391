// The messages between the app's main thread and its front thread (front.ts, front-thread.ts).
import type { IncomingHttpHeaders } from 'node:http';

/** What the front thread is started with (its workerData). */
export interface FrontSettings {
  readonly port: number;
  readonly host: string;
  /** The app's own HTTP server, on loopback: where every request not handed over is forwarded. */
  readonly upstreamPort: number;
  /** The routes whose requests are handed over whole, by `METHOD /path`. */
  readonly handOver: ReadonlyArray<HandedRouteSettings>;
  /**
   * Every route's body limit (restify's path syntax: fixed, `:param` segments, a trailing `*`), which the
   * front enforces on what it forwards: an upload over it is refused there with the same 413 before
   * restify would cut the connection mid-upload, which a forwarder cannot relay reliably.
   */
  readonly limits: ReadonlyArray<{ readonly method: string; readonly path: string; readonly limit: number }>;
}

export interface HandedRouteSettings {
  readonly key: string;
  /** Body limit in bytes. */
  readonly limit: number;
  /** The header whose value alone decides the route's early answer, and how long such an answer holds. */
  readonly earlyBy: { readonly header: string; readonly holdMs: number } | undefined;
}

/** A request read by the front thread and handed to the main thread as a message. */
export interface HandedRequest {
  readonly type: 'request';
  readonly id: number;
  readonly key: string;
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  /** The body when it was read by the time the request was handed over (a body message follows otherwise). */
  readonly body: Uint8Array | undefined;
  /** Set instead of a body when the body was over the route's limit. */
  readonly tooLarge: boolean;
  /**
   * The body was not complete when the headers were handed over (a slow or endless upload): it follows in
   * a `body` message, and the edge can answer meanwhile (a refused token, without waiting for the body).
   */
  readonly bodyFollows: boolean;
}

/** The body of a request handed over before its body was complete. */
export interface HandedBody {
  readonly type: 'body';
  readonly id: number;
  readonly outcome: 'read' | 'too_large' | 'client_closed';
  readonly body: Uint8Array | undefined;
}

export type FromFront =
  | { readonly type: 'listening'; readonly port: number }
  | { readonly type: 'failed'; readonly code: string | undefined; readonly message: string }
  | HandedRequest
  | HandedBody
  | {
      readonly type: 'log';
      readonly level: 'debug' | 'info' | 'warn' | 'error';
      readonly msg: string;
      readonly detail?: Record<string, unknown>;
    }
  /** How many requests the front answered from each held early answer since the last report. */
  | {
      readonly type: 'repeated';
      readonly key: string;
      readonly counts: ReadonlyArray<readonly [string, number]>;
    }
  | { readonly type: 'closed' };

export type ToFront =
  | {
      readonly type: 'answer';
      readonly id: number;
      readonly status: number;
      readonly headers: Record<string, string>;
      readonly payload: string | Uint8Array | undefined;
      /** An early answer the front may give itself to requests with the same value of the route's `earlyBy` header. */
      readonly hold: boolean;
    }
  /** No answer will come (the edge found the client gone): the front drops the connection. */
  | { readonly type: 'drop'; readonly id: number }
  /** Stop accepting, let requests in flight finish for up to graceMs, then close every connection. */
  | { readonly type: 'close'; readonly graceMs: number };
