// One POST to a subscriber's endpoint, reading the answer's status and text (the validation handshake
// needs the body). Plain http is allowed for loopback URLs; https trusts the emulator's CA too.
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';

export type PostAnswer = { status: number; body: string } | { error: string; timedOut: boolean };

export interface PostRequest {
  body: string;
  contentType: string;
  timeoutMs: number;
  ca?: string;
  signal?: AbortSignal;
}

/** POSTs and resolves with the answer or the failure (timeouts say so); never rejects. */
export function post(url: string, req: PostRequest): Promise<PostAnswer> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ error: `invalid URL ${url}`, timedOut: false });
      return;
    }
    const client = target.protocol === 'https:' ? https : http;
    const ca = target.protocol === 'https:' && req.ca ? [...tls.rootCertificates, req.ca] : undefined;
    let done = false;
    const finish = (a: PostAnswer): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      resolve(a);
    };
    const r = client.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': req.contentType, 'content-length': Buffer.byteLength(req.body) },
        ...(ca ? { ca } : {}),
        ...(req.signal ? { signal: req.signal } : {}),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          finish({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', (err) => finish({ error: err.message, timedOut: false }));
      },
    );
    r.on('error', (err) => finish({ error: err.message, timedOut: false }));
    const timer = setTimeout(() => {
      finish({ error: `no answer within ${req.timeoutMs} ms`, timedOut: true });
      r.destroy();
    }, req.timeoutMs);
    r.end(req.body);
  });
}
