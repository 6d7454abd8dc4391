// The reflex responder's whole Graph access: an app-only token from the emulator's Entra ID endpoint,
// refreshed before it expires, and POST/DELETE over one keep-alive https agent trusting the emulator's CA.
// Nothing is retried or checked beyond the status: the reflex stands for the fastest possible app.
import https from 'node:https';
import tls from 'node:tls';

export interface ReflexGraph {
  /** Sends the request and resolves with the status and the parsed body (when JSON). */
  send(method: 'POST' | 'DELETE', path: string, body?: object): Promise<{ status: number; body: unknown }>;
  close(): void;
}

export interface ReflexGraphOptions {
  /** The emulator's https base, e.g. https://localhost:5579. */
  readonly base: string;
  readonly tenantId: string;
  readonly appId: string;
  readonly secret: string;
  readonly caPem: string;
}

function request(
  agent: https.Agent,
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const req = https.request(url, { method: init.method, headers: init.headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const json =
          /json/.test(res.headers['content-type'] ?? '') && text ? (JSON.parse(text) as unknown) : text;
        resolve({ status: res.statusCode ?? 0, body: json });
      });
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

/** A Graph client for the reflex responder. */
export function reflexGraph(o: ReflexGraphOptions): ReflexGraph {
  // One secure context for every connection: an agent given `ca` would parse the bundle per connection.
  const secureContext = tls.createSecureContext({ ca: [...tls.rootCertificates, o.caPem] });
  const agent = new https.Agent({ keepAlive: true, secureContext });
  let token: { value: string; renewAt: number } | undefined;
  let fetching: Promise<string> | undefined;

  async function fetchToken(): Promise<string> {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: o.appId,
      client_secret: o.secret,
      scope: 'https://graph.microsoft.com/.default',
    }).toString();
    const res = await request(agent, `${o.base}/${o.tenantId}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(form.length) },
      body: form,
    });
    const body = res.body as { access_token?: string; expires_in?: number };
    if (res.status !== 200 || !body.access_token)
      throw new Error(
        `the emulator refused a token to the reflex app: ${res.status} ${JSON.stringify(res.body)}`,
      );
    token = { value: body.access_token, renewAt: Date.now() + (body.expires_in ?? 3600) * 800 };
    return token.value;
  }

  async function bearer(): Promise<string> {
    if (token && Date.now() < token.renewAt) return token.value;
    fetching ??= fetchToken().finally(() => (fetching = undefined));
    return fetching;
  }

  return {
    async send(method, path, body) {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      return request(agent, `${o.base}/v1.0${path}`, {
        method,
        headers: {
          authorization: `Bearer ${await bearer()}`,
          ...(payload === undefined
            ? {}
            : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }),
        },
        ...(payload === undefined ? {} : { body: payload }),
      });
    },
    close: () => agent.destroy(),
  };
}
