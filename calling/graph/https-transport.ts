// One small HTTP(S) sender shared by the token client and the Graph client. It trusts an extra CA on
// top of the system roots (the emulator's local CA, or a corporate one) and reports, when a request
// fails without an answer, whether the request could have reached the server: only then is a retry of
// a request with side effects unsafe.
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';

/** Idle keep-alive sockets are dropped before servers typically drop them (5 s), so reuse rarely races a close. */
const IDLE_SOCKET_MS = 4_000;

const CERTIFICATE_ERRORS = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** A request as the transport sends it. */
export interface RawRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  readonly timeoutMs: number;
}

/** A complete answer; header names are lower-case, repeated headers joined with ", ". */
export interface RawResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/** A request that got no answer. `maybeSent` is false only when no byte of it can have reached the server. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  constructor(
    message: string,
    readonly maybeSent: boolean,
    readonly errorCode: string | undefined,
    readonly timedOut: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The server's certificate was not trusted: retrying cannot help, configuration can. */
  get certificate(): boolean {
    return this.errorCode !== undefined && CERTIFICATE_ERRORS.has(this.errorCode);
  }
}

/** The CAs an agent with an extra CA trusts: the system roots and that one. */
export const trustedCas = (extraCa: string): string[] => [...tls.rootCertificates, extraCa];

/**
 * A keep-alive agent trusting the system roots plus `extraCa` (PEM) when given. The trust store is built
 * once, as a secure context: given as `ca`, the agent would join the whole bundle (about 200 KB) into the
 * pool name of every request and parse it again for every new connection, which took over a third of
 * the app's CPU under a burst of calls.
 */
export function createHttpsAgent(extraCa?: string): https.Agent {
  return new https.Agent({
    keepAlive: true,
    timeout: IDLE_SOCKET_MS,
    ...(extraCa ? { secureContext: tls.createSecureContext({ ca: trustedCas(extraCa) }) } : {}),
  });
}

/** Sends one request and buffers the whole answer. Rejects only with TransportError. */
export function sendRaw(agent: https.Agent, req: RawRequest): Promise<RawResponse> {
  const url = new URL(req.url);
  const secure = url.protocol === 'https:';
  const body = req.body === undefined ? undefined : Buffer.from(req.body);
  const headers: Record<string, string> = { ...req.headers, 'content-length': String(body?.length ?? 0) };
  if (body === undefined && (req.method === 'GET' || req.method === 'HEAD')) delete headers['content-length'];

  return new Promise<RawResponse>((resolve, reject) => {
    let maybeSent = false;
    let timedOut = false;
    const options = { method: req.method, headers, ...(secure ? { agent } : {}) };
    const request = (secure ? https : http).request(url, options);
    const deadline = setTimeout(() => {
      timedOut = true;
      request.destroy(new Error(`no answer within ${req.timeoutMs} ms`));
    }, req.timeoutMs);

    request.on('socket', (socket) => {
      // A reused or already connected socket carries our bytes at once; a new one only after its handshake.
      if (!socket.connecting && !(socket as tls.TLSSocket).pending) maybeSent = true;
      else socket.once(secure ? 'secureConnect' : 'connect', () => (maybeSent = true));
    });
    request.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        clearTimeout(deadline);
        resolve({
          status: res.statusCode ?? 0,
          headers: flattenHeaders(res.headers),
          body: Buffer.concat(chunks),
        });
      });
      res.on('error', (err) => fail(err, true));
    });
    request.on('error', (err) => fail(err, maybeSent));

    function fail(err: Error, sent: boolean): void {
      clearTimeout(deadline);
      const code = (err as NodeJS.ErrnoException).code;
      const what = timedOut ? `timed out after ${req.timeoutMs} ms` : `failed (${code ?? err.message})`;
      reject(
        new TransportError(`${req.method} ${url.origin}${url.pathname} ${what}`, sent, code, timedOut, {
          cause: err,
        }),
      );
    }

    request.end(body);
  });
}

function flattenHeaders(h: http.IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}
