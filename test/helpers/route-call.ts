// Calls one of the emulator's routes in process, as its HTTP layer would: the route that answers the
// method and path gets a full request context, and a GraphError comes back as the answer it stands for.
import assert from 'node:assert/strict';
import { GraphError, findRoute, splitPath } from '../../emulator/http';
import type { HttpResponse, RequestContext, Route } from '../../emulator/http';

/** The answer of the route in `routes` that serves `method` on `url`; `more` adds to the context. */
export async function callRoute(
  routes: readonly Route[],
  method: string,
  url: URL,
  body?: unknown,
  more: Partial<RequestContext> = {},
): Promise<HttpResponse> {
  const segments = splitPath(url.pathname) ?? [];
  const match = findRoute(routes, method, segments);
  assert.equal(match.kind, 'found', `${method} ${url.pathname}`);
  if (match.kind !== 'found') throw new Error('unreachable');
  const ctx: RequestContext = {
    method,
    path: url.pathname,
    segments,
    query: url.searchParams,
    headers: {},
    rawBody: body === undefined ? '' : JSON.stringify(body),
    params: match.params,
    requestId: 'r',
    clientRequestId: 'c',
    receivedAt: new Date(),
    ...more,
  };
  try {
    return await match.route.handle(ctx);
  } catch (err) {
    if (!(err instanceof GraphError)) throw err;
    return { status: err.status, body: { error: { code: err.code, message: err.message, ...err.extra } } };
  }
}
