// A small Graph client written for the emulator's tests (not the app's client): an app token from the
// emulator's token endpoint, JSON requests over https trusting the emulator's CA, and a webhook receiver
// that verifies every notification's bearer token with the published calling keys.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type * as JoseModule from 'jose' with { 'resolution-mode': 'import' };

type JWTPayload = JoseModule.JWTPayload;

/** JSON as received from the wire: tests read into it freely and assert on what they find. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked by assertions, not by types
export type Wire = any;
// jose is ESM-only: load it with import() from this CommonJS module.
const loadJose = (): Promise<typeof JoseModule> => import('jose');

export interface GraphResponse<T = Wire> {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: T;
  raw: Buffer;
}

/** One HTTPS (or HTTP) request; JSON bodies are sent and parsed, anything else comes back raw. */
export function request<T = Wire>(
  url: string,
  opts: { method?: string; headers?: Record<string, string>; body?: unknown; ca?: string } = {},
): Promise<GraphResponse<T>> {
  const target = new URL(url);
  const payload =
    opts.body === undefined
      ? undefined
      : typeof opts.body === 'string'
        ? opts.body
        : JSON.stringify(opts.body);
  const headers: Record<string, string> = { ...opts.headers };
  if (payload !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(Buffer.byteLength(payload));
  }
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      target,
      { method: opts.method ?? 'GET', headers, ...(opts.ca ? { ca: opts.ca } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = Buffer.concat(chunks);
          let body: unknown = undefined;
          const type = String(res.headers['content-type'] ?? '');
          if (raw.length > 0 && type.includes('json')) body = JSON.parse(raw.toString('utf8'));
          else if (raw.length > 0 && !type.includes('octet-stream') && !type.includes('audio'))
            body = raw.toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: body as T, raw });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Graph over https with an app-only token from the emulator's Entra ID. */
export class GraphTestClient {
  private cached: string | undefined;

  constructor(
    private readonly opts: { url: string; tenantId: string; appId: string; appSecret: string; ca: string },
  ) {}

  /** The client-credentials token for https://graph.microsoft.com/.default (cached until refresh()). */
  async token(): Promise<string> {
    if (this.cached) return this.cached;
    const form = new URLSearchParams({
      client_id: this.opts.appId,
      client_secret: this.opts.appSecret,
      grant_type: 'client_credentials',
      scope: 'https://graph.microsoft.com/.default',
    }).toString();
    const res = await request(`${this.opts.url}/${this.opts.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
      ca: this.opts.ca,
    });
    if (res.status !== 200)
      throw new Error(`token request failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.cached = (res.body as { access_token: string }).access_token;
    return this.cached;
  }

  /** Forgets the cached token (after the app's roles changed). */
  refresh(): void {
    this.cached = undefined;
  }

  /** A Graph request; `path` is relative to /v1.0 (e.g. `/communications/calls`). */
  async call<T = Wire>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<GraphResponse<T>> {
    const token = await this.token();
    return request<T>(`${this.opts.url}/v1.0${path}`, {
      method,
      body,
      ca: this.opts.ca,
      headers: { authorization: `Bearer ${token}`, ...headers },
    });
  }

  /** Fetches Wire URL with the emulator's CA trusted (recordings, prompts). */
  fetch<T = Wire>(url: string, headers: Record<string, string> = {}): Promise<GraphResponse<T>> {
    return request<T>(url, { headers, ca: this.opts.ca });
  }
}

/** A notification POST as the receiver saw it. */
export interface ReceivedPost {
  body: Wire;
  verified: boolean;
  claims?: JWTPayload;
  error?: string;
  receivedAt: number;
}

/** One commsNotification taken out of a POST (a POST may carry several). */
export interface Received {
  changeType: string;
  resourceUrl: string;
  resourceData: Wire;
  notification: Wire;
  post: ReceivedPost;
}

/** A webhook on 127.0.0.1:0 that verifies and records calling notifications. */
export class WebhookReceiver {
  readonly posts: ReceivedPost[] = [];
  private readonly waiters = new Set<() => void>();
  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  private verifyToken: ((token: string) => Promise<JWTPayload>) | undefined;

  /** Listens on 127.0.0.1:0; notifications are refused (403) until trust() has loaded the keys. */
  static async listen(path = '/api/calls'): Promise<WebhookReceiver> {
    const server = http.createServer();
    const url = await new Promise<string>((resolve) =>
      server.listen(0, '127.0.0.1', () =>
        resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`),
      ),
    );
    const receiver = new WebhookReceiver(server, url);
    server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = safeJson(Buffer.concat(chunks).toString('utf8'));
        const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
        const check = !token
          ? Promise.reject(new Error('no bearer token'))
          : receiver.verifyToken
            ? receiver.verifyToken(token)
            : Promise.reject(new Error('calling keys not loaded yet'));
        void check.then(
          (claims) =>
            receiver.record(
              { body, verified: typeof claims.tid === 'string', claims, receivedAt: Date.now() },
              res,
            ),
          (err: Error) =>
            receiver.record({ body, verified: false, error: err.message, receivedAt: Date.now() }, res),
        );
      });
    });
    return receiver;
  }

  /** Loads the calling service's keys from the emulator's calling OpenID document (its jwks_uri). */
  async trust(opts: { emulatorUrl: string; ca: string; appId: string }): Promise<void> {
    const doc = await request<{ jwks_uri: string; issuer: string }>(
      `${opts.emulatorUrl}/calling/v1/.well-known/OpenIdConfiguration`,
      { ca: opts.ca },
    );
    if (doc.status !== 200) throw new Error(`calling OpenID configuration: ${doc.status}`);
    const fetchWithCa = async (url: string, init: { method?: string; headers?: Record<string, string> }) => {
      const res = await request(url, { method: init.method, headers: init.headers, ca: opts.ca });
      return new Response(new Uint8Array(res.raw), {
        status: res.status,
        headers: { 'content-type': String(res.headers['content-type'] ?? 'application/json') },
      });
    };
    const { createRemoteJWKSet, customFetch, jwtVerify } = await loadJose();
    const jwks = createRemoteJWKSet(new URL(doc.body.jwks_uri), { [customFetch]: fetchWithCa } as never);
    this.verifyToken = async (token) =>
      (
        await jwtVerify(token, jwks, {
          audience: opts.appId,
          issuer: ['https://graph.microsoft.com', 'https://api.botframework.com'],
          clockTolerance: 300,
        })
      ).payload;
  }

  /** Listens and trusts the emulator's keys in one step. */
  static async start(opts: {
    emulatorUrl: string;
    ca: string;
    appId: string;
    path?: string;
  }): Promise<WebhookReceiver> {
    const receiver = await WebhookReceiver.listen(opts.path);
    await receiver.trust(opts);
    return receiver;
  }

  private record(post: ReceivedPost, res: http.ServerResponse): void {
    this.posts.push(post);
    res.writeHead(post.verified ? 202 : 403);
    res.end();
    for (const wake of [...this.waiters]) wake();
  }

  /** Every notification received so far, in arrival order. */
  all(): Received[] {
    return this.posts.flatMap((post) =>
      ((post.body?.value ?? []) as Wire[]).map((n) => ({
        changeType: n.changeType,
        resourceUrl: n.resourceUrl,
        resourceData: n.resourceData,
        notification: n,
        post,
      })),
    );
  }

  /** Position of the first notification matching predicate, or -1. */
  indexOf(predicate: (n: Received) => boolean): number {
    return this.all().findIndex(predicate);
  }

  /** Notifications about one call (its resource, operations and participants), ids compared loosely. */
  forCall(callId: string): Received[] {
    const key = callId.replace(/-/g, '').toLowerCase();
    return this.all().filter((n) => String(n.resourceUrl).replace(/-/g, '').toLowerCase().includes(key));
  }

  /** Resolves with the first notification matching predicate (already received or arriving within timeoutMs). */
  waitFor(predicate: (n: Received) => boolean, timeoutMs = 10_000): Promise<Received> {
    const found = this.all().find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const hit = this.all().find(predicate);
        if (!hit) return;
        cleanup();
        resolve(hit);
      };
      const timer = setTimeout(() => {
        cleanup();
        const seen = this.all().map(
          (n) => `${n.changeType} ${n.resourceUrl} ${JSON.stringify(n.resourceData).slice(0, 160)}`,
        );
        reject(new Error(`no matching notification within ${timeoutMs} ms; received:\n${seen.join('\n')}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
    });
  }

  /** Forgets what was received so far. */
  clear(): void {
    this.posts.length = 0;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server.closeAllConnections();
      this.server.close(() => resolve());
    });
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A predicate for a call notification in a given state. */
export const callState =
  (callId: string, state: string, changeType?: string) =>
  (n: Received): boolean =>
    /\/calls\/[^/]+$/.test(n.resourceUrl) &&
    n.resourceUrl.replace(/-/g, '').toLowerCase().endsWith(callId.replace(/-/g, '').toLowerCase()) &&
    n.resourceData?.state === state &&
    (changeType === undefined || n.changeType === changeType);
