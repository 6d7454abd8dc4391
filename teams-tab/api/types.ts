// What the tab API sees of HTTP: the same shape as the server's edges, declared here so this folder
// depends on nobody's internals (server hands requests in, nothing here knows restify).
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

/** One request to /api/tab/*. */
export interface TabRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  json(): Promise<unknown>;
}

/** An answer; a Readable body is streamed (server-sent events). */
export interface TabResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

/** The tab API as the server mounts it. */
export type TabEdge = (req: TabRequest) => Promise<TabResponse>;

export type StreamBody = Readable;
