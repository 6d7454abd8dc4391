// The outbound Graph client: @microsoft/microsoft-graph-client with our own middleware chain
// (retry → authentication → transport). Paths are version-less (`/communications/calls`) and land under
// GRAPH_BASE_URL as is; tokens are attached only to GRAPH_BASE_URL's host (graph-client's customHosts).
import {
  AuthenticationHandler,
  AuthenticationHandlerOptions,
  Client,
  ResponseType,
} from '@microsoft/microsoft-graph-client';
import type { GraphRequest } from '@microsoft/microsoft-graph-client';
import type { Logger } from 'pino';
import { CallingError } from '../errors';
import type { TokenProvider } from './app-token';
import { mapGraphError } from './error-map';
import { dispatch, parseBody } from './graph-wire';
import { createHttpsAgent, sendRaw } from './https-transport';
import { RequestState } from './request-state';
import { tokenSourceFor } from './request-auth';
import { RETRY_AFTER_CAP_MS } from './retry-after';
import { RetryMiddleware } from './retry-middleware';
import { isIdempotent } from './retry-policy';
import { TransportMiddleware } from './transport-middleware';
import type { SendRaw } from './transport-middleware';
import type { GraphClient, GraphRequestSpec, GraphResponse } from './types';

/** Settings for createGraphClient. */
export interface GraphClientOptions {
  /** GRAPH_BASE_URL, e.g. https://graph.microsoft.com/v1.0. Must be https (tokens go to https hosts only). */
  readonly baseUrl: string;
  readonly tokens: TokenProvider;
  readonly logger: Logger;
  /** PEM of an extra CA to trust (the content of EXTRA_CA_FILE). */
  readonly extraCa?: string;
  /** The tenant a request without context.tenantId is for (named in error messages). */
  readonly defaultTenantId?: string;
  /** Attempts per request, the first included (default 4). */
  readonly maxAttempts?: number;
  /** Per-attempt deadline (default 30 s). */
  readonly timeoutMs?: number;
  readonly retryAfterCapMs?: number;
  /** Replaces the wait between attempts (tests). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Replaces the HTTPS sender (tests). */
  readonly transport?: SendRaw;
}

/** Creates the Graph client. */
export function createGraphClient(opts: GraphClientOptions): GraphClient {
  const baseUrl = opts.baseUrl.replace(/\/+$/, '');
  const base = new URL(baseUrl);
  if (base.protocol !== 'https:') {
    throw new CallingError(
      'graph_error',
      `GRAPH_BASE_URL must be an https URL (got ${baseUrl}): tokens are only sent over https.`,
    );
  }
  const log = opts.logger.child({ module: 'calling.graph' });
  const retry = new RetryMiddleware({
    maxAttempts: opts.maxAttempts ?? 4,
    retryAfterCapMs: opts.retryAfterCapMs ?? RETRY_AFTER_CAP_MS,
    baseUrl,
    sleep: opts.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  });
  // The default provider is never used: every request names its own (app or on-behalf-of, per tenant).
  const auth = new AuthenticationHandler({
    getAccessToken: () => Promise.reject(new Error('no token provider for this request')),
  });
  let send: SendRaw | undefined = opts.transport;
  if (!send) {
    const agent = createHttpsAgent(opts.extraCa);
    send = (req) => sendRaw(agent, req);
  }
  const transport = new TransportMiddleware(send, opts.timeoutMs ?? 30_000);
  retry.setNext(auth);
  auth.setNext(transport);
  const client = Client.initWithMiddleware({
    middleware: retry,
    // Version-less paths: the version is part of baseUrl, so graph-client must not add its own.
    baseUrl,
    defaultVersion: '',
    customHosts: new Set([base.hostname]),
  });

  async function request<T>(spec: GraphRequestSpec): Promise<GraphResponse<T>> {
    const ctx = spec.context ?? {};
    const reqLog = log.child({
      callId: ctx.callId,
      tenantId: ctx.tenantId,
      clientContext: ctx.clientContext,
    });
    const idempotent = spec.idempotent ?? isIdempotent(spec.method, spec.path);
    const state = new RequestState(spec.method, spec.path, idempotent, reqLog, ctx.tenantId);
    const provider = tokenSourceFor(spec, opts.tokens, state);
    const target = spec.path.startsWith('https://') ? spec.path : `/${spec.path.replace(/^\/+/, '')}`;
    let req: GraphRequest = client
      .api(target)
      .responseType(ResponseType.RAW)
      .middlewareOptions([state, new AuthenticationHandlerOptions(provider)]);
    if (spec.headers) req = req.headers({ ...spec.headers });
    if (spec.query)
      req = req.query(
        Object.fromEntries(Object.entries(spec.query).map(([k, v]) => [k, encodeURIComponent(v)])),
      );

    let raw: Response;
    try {
      raw = (await dispatch(req, spec)) as Response;
    } catch (err) {
      throw (
        state.failure ??
        new CallingError(
          'graph_error',
          `Sending ${spec.method} ${spec.path} failed: ${(err as Error).message}`,
          { cause: err },
        )
      );
    }
    const headers = Object.fromEntries([...raw.headers.entries()].map(([k, v]) => [k.toLowerCase(), v]));
    const body = parseBody(await raw.text(), headers['content-type']);
    const clientRequestId = state.lastClientRequestId ?? '';
    if (raw.status >= 400) {
      throw mapGraphError({
        status: raw.status,
        body,
        method: spec.method,
        path: spec.path,
        requestId: headers['request-id'],
        clientRequestId,
        attempts: state.attempts,
        idempotent,
        tenantId: ctx.tenantId ?? opts.defaultTenantId,
      });
    }
    if (spec.method !== 'GET') {
      reqLog.info(
        {
          method: spec.method,
          path: spec.path,
          status: raw.status,
          clientRequestId,
          requestId: headers['request-id'],
          attempts: state.attempts,
        },
        'graph request done',
      );
    }
    return {
      status: raw.status,
      body: body as T | undefined,
      headers,
      requestId: headers['request-id'],
      clientRequestId,
      attempts: state.attempts,
    };
  }

  async function getAll<T>(spec: Omit<GraphRequestSpec, 'method' | 'body'>, maxPages = 20): Promise<T[]> {
    const items: T[] = [];
    let next: Omit<GraphRequestSpec, 'method' | 'body'> | undefined = spec;
    for (let page = 0; next && page < maxPages; page += 1) {
      const res: GraphResponse<{ value?: T[]; '@odata.nextLink'?: string }> = await request({
        ...next,
        method: 'GET',
      });
      items.push(...(res.body?.value ?? []));
      const link = res.body?.['@odata.nextLink'];
      // Follow a next page only on our own Graph host, so a token never goes elsewhere.
      next =
        link && new URL(link).origin === base.origin ? { ...spec, path: link, query: undefined } : undefined;
    }
    return items;
  }

  return { baseUrl, request, getAll };
}
