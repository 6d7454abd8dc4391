// The outbound Graph client: fetch, a token per attempt, retries (graph-exchange.ts) and errors that say
// what to fix (error-map.ts). Paths are version-less (`/communications/calls`) and land under
// GRAPH_BASE_URL as is; tokens go only to GRAPH_BASE_URL's origin. Graph's JavaScript SDK is not used:
// its retry, transport, body handling and errors would all be replaced, leaving only URL building.
import type { Logger } from 'pino';
import { CallingError } from '../errors';
import { defaultFetch, sendTextVia, type Fetch, type SendText } from '../http/outbound';
import type { TokenProvider } from './app-token';
import { mapGraphError } from './error-map';
import { exchange } from './graph-exchange';
import { parseBody } from './graph-body';
import { RETRY_AFTER_CAP_MS } from './retry-after';
import { isIdempotent } from './retry-policy';
import type { GraphClient, GraphRequestSpec, GraphResponse } from './types';

/** Settings for createGraphClient. */
export interface GraphClientOptions {
  /** GRAPH_BASE_URL, e.g. https://graph.microsoft.com/v1.0. Must be https (tokens go to https hosts only). */
  readonly baseUrl: string;
  readonly tokens: TokenProvider;
  readonly logger: Logger;
  /** The fetch requests go through (a fake in tests), unless `sendText` is given. */
  readonly fetch?: Fetch;
  /** How requests are sent: the app's one dispatcher without fetch's objects (`Outbound.sendText`). */
  readonly sendText?: SendText;
  /** The tenant a request without context.tenantId is for (named in error messages). */
  readonly defaultTenantId?: string;
  /** Attempts per request, the first included (default 4). */
  readonly maxAttempts?: number;
  /** Per-attempt deadline (default 30 s). */
  readonly timeoutMs?: number;
  readonly retryAfterCapMs?: number;
  /** Replaces the wait between attempts (tests). */
  readonly sleep?: (ms: number) => Promise<void>;
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
  const sending = {
    send: opts.sendText ?? sendTextVia(opts.fetch ?? defaultFetch),
    maxAttempts: opts.maxAttempts ?? 4,
    timeoutMs: opts.timeoutMs ?? 30_000,
    retryAfterCapMs: opts.retryAfterCapMs ?? RETRY_AFTER_CAP_MS,
    baseUrl,
    sleep: opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))),
  };

  function urlOf(spec: GraphRequestSpec): string {
    const url = spec.path.startsWith('https://') ? spec.path : `${baseUrl}/${spec.path.replace(/^\/+/, '')}`;
    // Values are encoded, names ($filter, $top) are not: Graph reads `%24filter` as an unknown parameter.
    const query = Object.entries(spec.query ?? {}).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
    return query.length === 0 ? url : `${url}${url.includes('?') ? '&' : '?'}${query.join('&')}`;
  }

  function tokenFor(spec: GraphRequestSpec): () => Promise<string> {
    const tenantId = spec.context?.tenantId;
    const auth = spec.auth ?? { kind: 'app' };
    return () =>
      auth.kind === 'app'
        ? opts.tokens.appToken(tenantId)
        : opts.tokens.onBehalfOf(auth.userAssertion, { tenantId, scopes: auth.scopes });
  }

  async function request<T>(spec: GraphRequestSpec): Promise<GraphResponse<T>> {
    const ctx = spec.context ?? {};
    const reqLog = log.child({
      callId: ctx.callId,
      tenantId: ctx.tenantId,
      clientContext: ctx.clientContext,
    });
    const idempotent = spec.idempotent ?? isIdempotent(spec.method, spec.path);
    const url = urlOf(spec);
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...spec.headers,
    };
    const res = await exchange(
      {
        method: spec.method,
        path: spec.path,
        url,
        headers,
        ...(body !== undefined ? { body } : {}),
        idempotent,
        // A token never leaves GRAPH_BASE_URL's origin, whatever URL a caller passes.
        ...(new URL(url).origin === base.origin ? { token: tokenFor(spec) } : {}),
        log: reqLog,
      },
      sending,
    );
    const parsed = parseBody(res.text, res.headers['content-type']);
    if (res.status >= 400) {
      throw mapGraphError({
        status: res.status,
        body: parsed,
        method: spec.method,
        path: spec.path,
        requestId: res.headers['request-id'],
        clientRequestId: res.clientRequestId,
        attempts: res.attempts,
        idempotent,
        tenantId: ctx.tenantId ?? opts.defaultTenantId,
      });
    }
    if (spec.method !== 'GET') {
      reqLog.info(
        {
          method: spec.method,
          path: spec.path,
          status: res.status,
          clientRequestId: res.clientRequestId,
          requestId: res.headers['request-id'],
          attempts: res.attempts,
        },
        'graph request done',
      );
    }
    return {
      status: res.status,
      body: parsed as T | undefined,
      headers: res.headers,
      requestId: res.headers['request-id'],
      clientRequestId: res.clientRequestId,
      attempts: res.attempts,
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
