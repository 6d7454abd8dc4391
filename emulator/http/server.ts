// The request handler behind the emulator's one port: Graph (/v1.0, bearer token, injected faults),
// the control API (/emulator), recordings (/media), and everything else handed to Entra ID.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseJsonObject, readBodyBytes } from './body';
import { GraphError, graphErrorBody } from './errors';
import type { GraphFaults } from './faults';
import { send } from './respond';
import { findRoute, splitPath } from './router';
import type { Route } from './router';
import type { Caller, HttpResponse, RequestContext } from './types';

/** The part of Entra ID the HTTP layer needs. */
export interface EntraEdge {
  handle(req: {
    method: string;
    path: string;
    query: URLSearchParams;
    headers: Record<string, string | string[] | undefined>;
    body: string;
  }): Promise<{ status: number; headers?: Record<string, string>; body?: unknown } | undefined>;
  verifyGraphToken(
    authorization: string | undefined,
  ): Promise<{ ok: true; claims: Caller } | { ok: false; status: number; code: string; message: string }>;
}

export interface HandlerOptions {
  graphRoutes: readonly Route[];
  controlRoutes: readonly Route[];
  mediaRoutes: readonly Route[];
  /** Pages for people (the softphone), plain HTTP or HTTPS, no token; tried before Entra ID. */
  pageRoutes?: readonly Route[];
  entra: EntraEdge;
  faults: GraphFaults;
  now: () => number;
  /** Called after every Graph request with what was answered (for call timelines). */
  onGraphResponse?: (ctx: RequestContext, response: HttpResponse) => void;
  log?: (msg: string, err?: unknown) => void;
}

const asHeader = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

function errorResponse(err: unknown, ctx: RequestContext, log?: HandlerOptions['log']): HttpResponse {
  const date = new Date();
  if (err instanceof GraphError) {
    return {
      status: err.status,
      headers: err.headers,
      body: graphErrorBody(err.code, err.message, ctx.requestId, ctx.clientRequestId, date, err.extra),
    };
  }
  log?.(`unhandled error on ${ctx.method} ${ctx.path}`, err);
  return {
    status: 500,
    body: graphErrorBody(
      'InternalServerError',
      'The emulator failed to process the request.',
      ctx.requestId,
      ctx.clientRequestId,
      date,
    ),
  };
}

async function routeGraph(ctx: RequestContext, opts: HandlerOptions): Promise<HttpResponse> {
  const fault = opts.faults.take();
  if (fault) throw new GraphError(fault.status, fault.code, fault.message, fault.headers);
  const verdict = await opts.entra.verifyGraphToken(asHeader(ctx.headers.authorization));
  if (!verdict.ok) throw new GraphError(verdict.status, verdict.code, verdict.message);
  ctx.caller = verdict.claims;
  return dispatch(ctx, opts.graphRoutes);
}

async function dispatch(ctx: RequestContext, routes: readonly Route[]): Promise<HttpResponse> {
  const match = findRoute(routes, ctx.method, ctx.segments);
  if (match.kind === 'found') {
    ctx.params = match.params;
    return match.route.handle(ctx);
  }
  if (match.kind === 'method-not-allowed') {
    throw new GraphError(
      405,
      'Request_BadRequest',
      `The ${ctx.method} method is not supported for this resource (allowed: ${match.allowed.join(', ')}).`,
      {
        Allow: match.allowed.join(', '),
      },
    );
  }
  const last = ctx.segments[ctx.segments.length - 1] ?? '';
  throw new GraphError(400, 'BadRequest', `Resource not found for the segment '${last}'.`);
}

/** Builds the node request listener for the emulator's port. */
export function createHandler(opts: HandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const url = new URL(req.url ?? '/', 'http://emulator.invalid');
    const requestId = randomUUID();
    const ctx: RequestContext = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: url.pathname,
      segments: splitPath(url.pathname) ?? [],
      query: url.searchParams,
      headers: req.headers,
      rawBody: '',
      params: {},
      requestId,
      clientRequestId: asHeader(req.headers['client-request-id']) ?? requestId,
      receivedAt: new Date(opts.now()),
    };
    const first = (ctx.segments[0] ?? '').toLowerCase();
    const run = async (): Promise<HttpResponse> => {
      ctx.bodyBytes = await readBodyBytes(req);
      ctx.rawBody = ctx.bodyBytes.toString('utf8');
      if (first === 'v1.0') {
        try {
          const response = await routeGraph(ctx, opts);
          opts.onGraphResponse?.(ctx, response);
          return response;
        } catch (err) {
          const response = errorResponse(err, ctx, opts.log);
          opts.onGraphResponse?.(ctx, response);
          return response;
        }
      }
      if (first === 'emulator') return dispatch(ctx, opts.controlRoutes);
      if (first === 'media') return dispatch(ctx, opts.mediaRoutes);
      const page = opts.pageRoutes ? findRoute(opts.pageRoutes, ctx.method, ctx.segments) : undefined;
      if (page?.kind === 'found') {
        ctx.params = page.params;
        return page.route.handle(ctx);
      }
      const answer = await opts.entra.handle({
        method: ctx.method,
        path: ctx.path,
        query: ctx.query,
        headers: req.headers,
        body: ctx.rawBody,
      });
      if (answer) return answer;
      throw new GraphError(404, 'NotFound', `Nothing is served at ${ctx.path}.`);
    };
    run()
      .catch((err: unknown) => errorResponse(err, ctx, opts.log))
      .then((response) => send(res, response, ctx))
      .catch((err: unknown) => {
        opts.log?.('failed to write a response', err);
        res.destroy();
      });
  };
}

/** Parses the body of a request as a JSON object (see body.ts). */
export const jsonBody = (ctx: RequestContext, allowEmpty: boolean): Record<string, unknown> =>
  parseJsonObject(ctx.rawBody, allowEmpty);
