// Per-request bookkeeping carried through graph-client's middleware chain as a middleware option: the
// attempts made, the client-request-ids sent, and a CallingError raised inside the chain (graph-client
// re-wraps anything thrown there into its own GraphError, losing our code).
import type { Context, MiddlewareOptions } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import type { CallingError } from '../errors';

/** The state of one logical request across its attempts. */
export class RequestState implements MiddlewareOptions {
  failure?: CallingError;
  attempts = 0;
  readonly clientRequestIds: string[] = [];

  constructor(
    readonly method: string,
    readonly path: string,
    readonly idempotent: boolean,
    readonly log: Logger,
    readonly tenantId?: string,
  ) {}

  get lastClientRequestId(): string | undefined {
    return this.clientRequestIds.at(-1);
  }
}

/** The RequestState of a middleware context; every request this module sends has one. */
export function stateOf(context: Context): RequestState {
  const state = context.middlewareControl?.getMiddlewareOptions(RequestState);
  if (!(state instanceof RequestState))
    throw new Error('Graph request sent without a RequestState middleware option');
  return state;
}

/** The context's headers as a plain object (graph-client builds them as one). */
export function headersOf(context: Context): Record<string, string> {
  context.options ??= {};
  const h = context.options.headers;
  if (h === undefined) {
    const fresh: Record<string, string> = {};
    context.options.headers = fresh;
    return fresh;
  }
  if (h instanceof Headers || Array.isArray(h)) {
    const plain = Object.fromEntries(h instanceof Headers ? h.entries() : h) as Record<string, string>;
    context.options.headers = plain;
    return plain;
  }
  return h as Record<string, string>;
}
