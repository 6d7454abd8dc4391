import type { IncomingHttpHeaders } from 'node:http';

/** What an edge sees of a request. The body is read only when asked, so an edge can authenticate first. */
export interface EdgeRequest {
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  /** Raw body, at most the route's limit. */
  body(): Promise<Buffer>;
  /** Parsed JSON body (400 on malformed JSON). */
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export interface EdgeResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** Objects are sent as JSON; strings and Buffers as they are; a Readable is streamed until it ends. */
  readonly body?: unknown;
}

export type Edge = (req: EdgeRequest) => Promise<EdgeResponse>;

/**
 * An answer from the request's headers alone, given synchronously before the framework routes the
 * request; undefined lets the request through to the route's edge. For refusing floods cheaply: it must
 * answer exactly what the edge would, since the same request may reach either.
 */
export type EarlyAnswer = (headers: IncomingHttpHeaders) => EdgeResponse | undefined;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One row of the route table. `path` uses restify's syntax (`/api/tab/*`, `/x/:id`). */
export interface Route {
  readonly method: HttpMethod;
  readonly path: string;
  /** Body limit in bytes (default 64 KB). */
  readonly maxBodyBytes?: number;
  readonly handle: Edge;
  /** Only on routes with a fixed path (no parameters or wildcards). */
  readonly early?: EarlyAnswer;
  /**
   * For requests that come in bursts of new connections (Graph's notifications): the front thread reads
   * each whole and hands it over as a message (see front.ts). Only on fixed paths whose edges never
   * answer with a stream.
   */
  readonly handOver?: boolean;
  /**
   * With `early` on a handed-over route: the one request header whose value alone decides the early
   * answer. The front thread then keeps each early answer given for a value of it for `holdMs` and gives it
   * itself to requests with that value (a flood of one forged token costs the front thread only). Each
   * such answer is accounted for on the main thread by calling `early` again with that header alone,
   * in batches, so that whatever it counts or logs stays true.
   */
  readonly earlyBy?: { readonly header: string; readonly holdMs: number };
}
