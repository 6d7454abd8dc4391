import { Readable } from 'node:stream';
import type { Logger } from '../logger';
import { errorBody, httpStatusOf, toAppError } from '../errors';
import type { EdgeRequest, EdgeResponse, Route } from './types';

/** A route's body limit when it names none. */
export const DEFAULT_BODY_LIMIT = 64 * 1024;

/**
 * Runs a route's edge and turns what it throws into the one error shape. Undefined when the client went
 * away mid-request: nobody is left to answer. Both ways into the app use it: restify's handler chain and
 * the requests the front thread hands over whole (see front.ts).
 */
export async function answerRoute(
  route: Route,
  req: EdgeRequest,
  limit: number,
  logger: Logger,
): Promise<EdgeResponse | undefined> {
  try {
    // A declared oversize body is refused before the edge runs: the cheapest check of all.
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) await req.body();
    return await route.handle(req);
  } catch (thrown) {
    const err = toAppError(thrown);
    if (err.code === 'client_closed') {
      logger.debug({ path: req.path }, 'client went away mid-request');
      return undefined;
    }
    const level = httpStatusOf(err.code) >= 500 ? 'error' : 'info';
    logger[level](
      { err: err.code === 'internal' ? err.cause : undefined, code: err.code, path: req.path },
      err.message,
    );
    const result: EdgeResponse = { status: httpStatusOf(err.code), body: errorBody(err) };
    return err.code === 'payload_too_large' ? { ...result, headers: { connection: 'close' } } : result;
  }
}

/** A finished answer as bytes: what goes on the wire, or across to the front thread. */
export interface WireAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly payload: string | Buffer | undefined;
}

/** The answer's headers and payload (objects become JSON); undefined for a stream, which is written as it comes. */
export function toWire(result: EdgeResponse): WireAnswer | undefined {
  if (result.body instanceof Readable) return undefined;
  const headers: Record<string, string> = { ...result.headers };
  let payload: string | Buffer | undefined;
  if (result.body === undefined || result.body === null) payload = undefined;
  else if (Buffer.isBuffer(result.body) || typeof result.body === 'string') payload = result.body;
  else {
    payload = JSON.stringify(result.body);
    headers['content-type'] ??= 'application/json; charset=utf-8';
  }
  if (payload !== undefined) headers['content-length'] = String(Buffer.byteLength(payload));
  return { status: result.status, headers, payload };
}
