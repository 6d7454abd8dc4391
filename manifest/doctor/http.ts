// The doctor's outbound HTTP: node's http/https with the extra CA from EXTRA_CA_FILE trusted next to the
// public roots (the emulator's local CA, or a corporate proxy's), and a timeout on every request.
import {
  lookup as dnsLookup,
  type LookupAddress,
  type LookupAllOptions,
  type LookupOneOptions,
} from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';

/** One answer: status, lower-case headers and the body as text. */
export interface HttpAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
}

/** A request the doctor sends. */
export interface HttpRequest {
  readonly method?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly timeoutMs?: number;
}

export type HttpClient = (url: string, req?: HttpRequest) => Promise<HttpAnswer>;

const MAX_BODY = 1024 * 1024;

/**
 * An HTTP client trusting the public roots plus `extraCa` (PEM) for https. `hosts` maps host names to
 * addresses ahead of DNS, as /etc/hosts would (tests give a public-looking name to a loopback tunnel).
 */
export function createHttpClient(extraCa?: string, hosts: Readonly<Record<string, string>> = {}): HttpClient {
  const lookup = ((
    name: string,
    opts: LookupOneOptions | LookupAllOptions,
    cb: (...a: unknown[]) => void,
  ) => {
    const fixed = hosts[name.toLowerCase()];
    if (!fixed) return dnsLookup(name, opts, cb as never);
    const family = fixed.includes(':') ? 6 : 4;
    if (opts.all) cb(null, [{ address: fixed, family } satisfies LookupAddress]);
    else cb(null, fixed, family);
  }) as unknown as typeof dnsLookup;
  const agent = new https.Agent({
    ca: extraCa ? [...rootCertificates, extraCa] : undefined,
    keepAlive: false,
    lookup,
  });
  return (url, req = {}) =>
    new Promise((resolve, reject) => {
      const target = new URL(url);
      const mod = target.protocol === 'https:' ? https : http;
      const headers: Record<string, string | number> = { ...req.headers };
      if (req.body !== undefined) headers['content-length'] = Buffer.byteLength(req.body);
      const r = mod.request(
        target,
        { method: req.method ?? 'GET', headers, ...(target.protocol === 'https:' ? { agent } : { lookup }) },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size <= MAX_BODY) chunks.push(c);
          });
          res.on('end', () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              text: Buffer.concat(chunks).toString('utf8'),
            }),
          );
          res.on('error', reject);
        },
      );
      r.setTimeout(req.timeoutMs ?? 10_000, () =>
        r.destroy(new Error(`no answer within ${req.timeoutMs ?? 10_000} ms`)),
      );
      r.on('error', reject);
      r.end(req.body);
    });
}

/** A network failure in words, with the hint that fits its code (certificate, refused, DNS). */
export function describeNetworkError(err: unknown): { what: string; hint?: string } {
  const e = err as NodeJS.ErrnoException;
  const code = e.code ?? '';
  const what = `${e.message ?? String(err)}${code && !String(e.message).includes(code) ? ` (${code})` : ''}`;
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code))
    return {
      what,
      hint: "the certificate is not trusted: if it comes from a local or corporate CA, set EXTRA_CA_FILE to that CA's PEM file",
    };
  if (code === 'ECONNREFUSED')
    return { what, hint: 'nothing listens there: is the service (or the tunnel) running?' };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
    return { what, hint: 'the host name does not resolve: check the URL for typos' };
  return { what };
}
