// Shapes shared by the HTTP layer and the handlers behind it.
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';

/** What a handler returns; a non-string, non-Buffer body is sent as JSON. */
export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** A long-lived answer (server-sent events): called once the headers are sent, owns the response. */
  stream?: (res: ServerResponse) => void;
}

/** The Graph caller, from a verified bearer token. */
export interface Caller {
  tid: string;
  appid: string;
  roles: string[];
  scp?: string;
  oid?: string;
  idtyp?: string;
}

/** One request as handlers see it. */
export interface RequestContext {
  method: string;
  path: string;
  segments: string[];
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
  /** The body's bytes as they came (audio); absent in hand-built contexts. */
  bodyBytes?: Buffer;
  params: Record<string, string>;
  requestId: string;
  clientRequestId: string;
  receivedAt: Date;
  /** Set by the Graph layer once the bearer token is verified. */
  caller?: Caller;
}
