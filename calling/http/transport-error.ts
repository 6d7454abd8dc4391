// What a failed fetch means for a retry: fetch rejects with "fetch failed" and hides the reason in
// `cause`. Only a failure while connecting proves no byte of the request reached the server; anything
// later (a reset, a closed socket, our own deadline) may have, so repeating a request with side effects
// is then unsafe.

const NOT_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

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

/** A request that got no (complete) answer. `maybeSent` is false only when no byte of it can have reached the server. */
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

/** What was being sent, for the message. The query is left out: it may carry names or ids. */
export interface Attempt {
  readonly method: string;
  readonly url: string;
  readonly timeoutMs: number;
}

/** The TransportError for a rejection of fetch (or of reading its body) during `attempt`. */
export function transportError(err: unknown, attempt: Attempt): TransportError {
  if (err instanceof TransportError) return err;
  const timedOut = err instanceof Error && err.name === 'TimeoutError';
  const code = timedOut ? undefined : codeOf(err);
  const sent = timedOut || code === undefined || !(NOT_SENT.has(code) || CERTIFICATE_ERRORS.has(code));
  const url = new URL(attempt.url);
  const what = timedOut ? `timed out after ${attempt.timeoutMs} ms` : `failed (${code ?? messageOf(err)})`;
  return new TransportError(`${attempt.method} ${url.origin}${url.pathname} ${what}`, sent, code, timedOut, {
    cause: err,
  });
}

// The code sits on the error or on its cause (undici nests the socket's error one or two levels down).
function codeOf(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 4; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

function messageOf(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  return cause instanceof Error ? cause.message : String(cause);
}

/** Why a fetch failed, in words: fetch itself only says "fetch failed" and hides the reason in `cause`. */
export function reasonOf(err: unknown, timeoutMs: number): string {
  if (err instanceof Error && err.name === 'TimeoutError') return `took longer than ${timeoutMs} ms`;
  const inner = err instanceof Error && err.message === 'fetch failed' ? err.cause : err;
  const code = (inner as { code?: unknown } | undefined)?.code;
  const message = inner instanceof Error ? inner.message : String(inner);
  const said = typeof code === 'string' && !message.includes(code) ? `${code}: ${message}` : message;
  return typeof code === 'string' && CERTIFICATE_ERRORS.has(code) ? `${said}. ${UNTRUSTED_HINT}` : said;
}

/** What to do about a certificate the app does not trust. */
export const UNTRUSTED_HINT =
  "The server's certificate is not trusted: if it comes from a local or corporate CA (the emulator's ca.pem), set EXTRA_CA_FILE to that CA's PEM file";
