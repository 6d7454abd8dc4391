import https from 'node:https';
import http from 'node:http';
import { rootCertificates } from 'node:tls';

/** GETs a JSON document; rejects on a non-200 status, a timeout or a body that is not JSON. */
export type FetchJson = (url: string) => Promise<unknown>;

/** A FetchJson whose https agent also trusts `caPem` (EXTRA_CA_FILE, e.g. the emulator's CA). */
export function createFetchJson(caPem?: string, timeoutMs = 5000): FetchJson {
  // Passing `ca` replaces Node's default trust store, so the system roots are listed again.
  const agent = new https.Agent(caPem ? { ca: [...rootCertificates, caPem] } : {});
  return (url) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const get = target.protocol === 'https:' ? https.get : http.get;
      const req = get(target, { ...(target.protocol === 'https:' ? { agent } : {}) }, (res) => {
        if (res.statusCode !== 200) {
          res.resume();
          reject(new Error(`GET ${url} answered ${res.statusCode ?? 'no status'}`));
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          try {
            resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
          } catch (err) {
            reject(new Error(`GET ${url} did not return JSON: ${String(err)}`));
          }
        });
      });
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`GET ${url} took longer than ${timeoutMs} ms`)));
      req.on('error', reject);
    });
}
