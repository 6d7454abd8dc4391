// The doctor's outbound HTTP: undici's fetch over one Agent trusting the extra CA from EXTRA_CA_FILE next
// to the public roots (the emulator's local CA, or a corporate proxy's), and a timeout on every request.
import {
  lookup as dnsLookup,
  type LookupAddress,
  type LookupAllOptions,
  type LookupOneOptions,
} from 'node:dns';
import tls from 'node:tls';
import { Agent, fetch } from 'undici';

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
  const dispatcher = new Agent({
    connect: {
      lookup,
      ...(extraCa
        ? { secureContext: tls.createSecureContext({ ca: [...tls.rootCertificates, extraCa] }) }
        : {}),
    },
  });
  return async (url, req = {}) => {
    const timeoutMs = req.timeoutMs ?? 10_000;
    let res;
    try {
      res = await fetch(url, {
        method: req.method ?? 'GET',
        headers: { ...req.headers },
        ...(req.body !== undefined ? { body: req.body } : {}),
        signal: AbortSignal.timeout(timeoutMs),
        dispatcher,
      });
      const headers: Record<string, string> = {};
      res.headers.forEach((value, name) => (headers[name] = value));
      return { status: res.status, headers, text: await readCapped(res.body) };
    } catch (err) {
      if (err instanceof Error && err.name === 'TimeoutError')
        throw new Error(`no answer within ${timeoutMs} ms`);
      // fetch says only "fetch failed"; the socket's error, with its code, is the cause.
      throw err instanceof Error && err.message === 'fetch failed' && err.cause instanceof Error
        ? err.cause
        : err;
    }
  };
}

// Only the first MAX_BODY bytes are kept: the checks read small JSON documents and status pages.
async function readCapped(body: AsyncIterable<Uint8Array> | null): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body ?? []) {
    if (size < MAX_BODY) chunks.push(Buffer.from(chunk).subarray(0, MAX_BODY - size));
    size += chunk.byteLength;
    if (size >= MAX_BODY) break;
  }
  return Buffer.concat(chunks).toString('utf8');
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
