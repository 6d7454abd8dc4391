import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';

export interface FetchJsonOptions {
  /** An extra CA certificate (PEM) trusted besides the system roots, e.g. the emulator's local CA. */
  readonly caPem?: string;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

/** GETs a JSON document over http(s); rejects on a non-200 status, a timeout, an oversize or non-JSON body. */
export type FetchJson = (url: string) => Promise<unknown>;

/** Builds a FetchJson; with `caPem` its https agent trusts that CA on top of the usual roots. */
export function createFetchJson(opts: FetchJsonOptions = {}): FetchJson {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const maxBytes = opts.maxBytes ?? 1024 * 1024;
  // Passing `ca` replaces Node's default trust store, so the system roots are listed again.
  // Key documents are fetched at most every few seconds, so sockets are not kept alive between fetches.
  const httpsAgent = new https.Agent(opts.caPem ? { ca: [...rootCertificates, opts.caPem] } : {});
  const httpAgent = new http.Agent();

  return (url) =>
    new Promise<unknown>((resolve, reject) => {
      const target = new URL(url);
      const isHttps = target.protocol === 'https:';
      if (!isHttps && target.protocol !== 'http:') {
        reject(new Error(`${url} is not an http(s) URL`));
        return;
      }
      const get = isHttps ? https.get : http.get;
      const req = get(
        target,
        { agent: isHttps ? httpsAgent : httpAgent, headers: { accept: 'application/json' } },
        (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            reject(new Error(`GET ${url} answered ${res.statusCode ?? 'no status'}`));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > maxBytes) {
              req.destroy(new Error(`GET ${url} returned more than ${maxBytes} bytes`));
              return;
            }
            chunks.push(chunk);
          });
          res.on('error', reject);
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (e) {
              reject(new Error(`GET ${url} did not return JSON: ${e instanceof Error ? e.message : e}`));
            }
          });
        },
      );
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`GET ${url} took longer than ${timeoutMs} ms`)));
      req.on('error', reject);
    });
}
