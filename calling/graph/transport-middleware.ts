// The last link of the middleware chain: sends the request over our HTTPS agent (which trusts the extra
// CA) instead of the global fetch, and reports connection failures with whether the request may have
// reached Graph, which the retry link needs.
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { headersOf } from './request-state';
import type { RawRequest, RawResponse } from './https-transport';

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/** Sends one request; rejects with TransportError when no answer arrives (sendRaw, or a fake in tests). */
export type SendRaw = (req: RawRequest) => Promise<RawResponse>;

/** Sends each request through `send`. */
export class TransportMiddleware implements Middleware {
  constructor(
    private readonly send: SendRaw,
    private readonly timeoutMs: number,
  ) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === 'string' ? context.request : context.request.url;
    const headers = headersOf(context);
    const body = context.options?.body;
    if (body !== undefined && body !== null && typeof body !== 'string' && !Buffer.isBuffer(body)) {
      throw new TypeError('Graph request bodies are sent as JSON strings or Buffers');
    }
    const res = await this.send({
      method: (context.options?.method ?? 'GET').toUpperCase(),
      url,
      headers: { ...headers },
      body: body ?? undefined,
      timeoutMs: this.timeoutMs,
    });
    context.response = new Response(NULL_BODY_STATUSES.has(res.status) ? null : res.body, {
      status: res.status,
      headers: res.headers,
    });
  }

  setNext(): void {
    throw new Error('TransportMiddleware must be the last middleware');
  }
}
