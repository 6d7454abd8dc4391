// The app's one way out: undici's fetch over one keep-alive Agent, built once at start-up, trusting the
// system roots plus the extra CA (EXTRA_CA_FILE: the emulator's local CA, or a corporate one). Every
// outbound request (Graph, tokens, signing keys, recordings, speech) takes the `fetch` this returns.
import tls from 'node:tls';
import { Agent, fetch as undiciFetch, type Dispatcher } from 'undici';

/** undici's fetch; the parts that send requests take one, so tests can hand in a fake. */
export type Fetch = typeof undiciFetch;

/** Settings for createOutbound. */
export interface OutboundOptions {
  /** PEM of extra CA certificates to trust besides the system roots (the content of EXTRA_CA_FILE). */
  readonly extraCa?: string;
  /** How long a connection (TCP and TLS) may take before the request fails as never sent (default 10 s). */
  readonly connectTimeoutMs?: number;
}

/** One request as `SendText` takes it. */
export interface TextRequest {
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** Aborts the request, its answer's body included; the rejection is the signal's reason. */
  readonly signal?: AbortSignal;
}

/** An answer with its whole body read as text; header names lower-case, repeated headers joined. */
export interface TextAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
}

/**
 * Sends one request and reads its whole answer: all the Graph client needs. Graph requests are most of
 * the app's traffic, and fetch's Request, Response, Headers and web streams cost about three times the
 * CPU of the request itself (measured against undici's own `request` on loopback: ~300 µs against ~80 µs
 * per request); under a burst of calls that is CPU every other call is waiting for.
 */
export type SendText = (url: string, init: TextRequest) => Promise<TextAnswer>;

/** A fetch and a SendText bound to one dispatcher, and the way to close its connections. */
export interface Outbound {
  readonly fetch: Fetch;
  readonly sendText: SendText;
  close(): Promise<void>;
}

/** Idle keep-alive sockets are dropped before servers typically drop them (5 s), so reuse rarely races a close. */
const IDLE_SOCKET_MS = 4_000;

/**
 * At most this many connections to one origin; more requests at once wait for a free one. Under a burst of
 * calls an unbounded pool opened a connection for nearly every request in flight (about 170 TLS handshakes
 * in a 200-call round), and each handshake cost both ends more CPU than the request it carried, which the
 * calls' reactions waited for. 32 keeps Graph's round trips from queueing at a few hundred requests a
 * second (README: "A bounded pool of connections").
 */
export const MAX_CONNECTIONS_PER_ORIGIN = 32;

/**
 * Builds the dispatcher and its fetch. The trust store is one secure context made here: given as `ca`,
 * it would be parsed again (about 200 KB of roots) for every new connection, which once took over a third
 * of the app's CPU under a burst of calls.
 */
export function createOutbound(opts: OutboundOptions = {}): Outbound {
  const secureContext = opts.extraCa
    ? tls.createSecureContext({ ca: [...tls.rootCertificates, opts.extraCa] })
    : undefined;
  const dispatcher = new Agent({
    keepAliveTimeout: IDLE_SOCKET_MS,
    connections: MAX_CONNECTIONS_PER_ORIGIN,
    connect: { timeout: opts.connectTimeoutMs ?? 10_000, ...(secureContext ? { secureContext } : {}) },
  });
  return {
    fetch: (input, init) => undiciFetch(input, { ...init, dispatcher }),
    sendText: sendTextWith(dispatcher),
    close: () => dispatcher.close(),
  };
}

/** SendText over a dispatcher's own `request`: no fetch objects, same pool, same errors and codes. */
function sendTextWith(dispatcher: Dispatcher): SendText {
  return async (url, init) => {
    const target = new URL(url);
    const res = await dispatcher.request({
      origin: target.origin,
      path: `${target.pathname}${target.search}`,
      method: init.method as Dispatcher.HttpMethod,
      headers: init.headers,
      ...(init.body !== undefined ? { body: init.body } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    const text = await res.body.text();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return { status: res.statusCode, headers, text };
  };
}

/** SendText over a fetch: for a part given a fetch (tests' fakes, the default dispatcher). */
export function sendTextVia(fetch: Fetch): SendText {
  return async (url, init) => {
    const res = await fetch(url, {
      method: init.method,
      headers: init.headers,
      ...(init.body !== undefined ? { body: init.body } : {}),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    const text = await res.text();
    const headers: Record<string, string> = {};
    res.headers.forEach((value, name) => (headers[name.toLowerCase()] = value));
    return { status: res.status, headers, text };
  };
}

/** The fetch a part uses when none is given: undici's, with its default dispatcher (system roots only). */
export const defaultFetch: Fetch = (input, init) => undiciFetch(input, init);
