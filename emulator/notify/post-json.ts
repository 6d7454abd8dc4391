import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';

export type PostOutcome = { status: number; retryAfter?: string } | { error: string };

export interface PostOptions {
  headers: Record<string, string>;
  timeoutMs: number;
  ca?: string;
  signal?: AbortSignal;
}

/** One POST of a JSON body; resolves with the status (body discarded) or the network error, never rejects. */
export function postJson(url: string, body: string, opts: PostOptions): Promise<PostOutcome> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ error: `invalid callback URL ${url}` });
      return;
    }
    const client = target.protocol === 'https:' ? https : http;
    const ca = target.protocol === 'https:' && opts.ca ? [...tls.rootCertificates, opts.ca] : undefined;
    let done = false;
    const finish = (r: PostOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: {
          ...opts.headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
        ...(ca ? { ca } : {}),
        ...(opts.signal ? { signal: opts.signal } : {}),
      },
      (res) => {
        res.resume();
        const retryAfter = res.headers['retry-after'];
        res.on('end', () => finish({ status: res.statusCode ?? 0, ...(retryAfter ? { retryAfter } : {}) }));
        res.on('error', (err) => finish({ error: err.message }));
      },
    );
    req.on('error', (err) => finish({ error: err.message }));
    const timer = setTimeout(() => {
      finish({ error: `no answer within ${opts.timeoutMs} ms` });
      req.destroy();
    }, opts.timeoutMs);
    req.end(body);
  });
}

/** Milliseconds a Retry-After header asks for (delta-seconds or an HTTP date), or undefined if unreadable. */
export function retryAfterMs(value: string | undefined, nowMs = Date.now()): number | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}
