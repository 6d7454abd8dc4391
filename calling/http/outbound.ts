// The app's one way out: undici's fetch over one keep-alive Agent, built once at start-up, trusting the
// system roots plus the extra CA (EXTRA_CA_FILE: the emulator's local CA, or a corporate one). Every
// outbound request (Graph, tokens, signing keys, recordings, speech) takes the `fetch` this returns.
import tls from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';

/** undici's fetch; the parts that send requests take one, so tests can hand in a fake. */
export type Fetch = typeof undiciFetch;

/** Settings for createOutbound. */
export interface OutboundOptions {
  /** PEM of extra CA certificates to trust besides the system roots (the content of EXTRA_CA_FILE). */
  readonly extraCa?: string;
  /** How long a connection (TCP and TLS) may take before the request fails as never sent (default 10 s). */
  readonly connectTimeoutMs?: number;
}

/** A fetch bound to one dispatcher, and the way to close its connections. */
export interface Outbound {
  readonly fetch: Fetch;
  close(): Promise<void>;
}

/** Idle keep-alive sockets are dropped before servers typically drop them (5 s), so reuse rarely races a close. */
const IDLE_SOCKET_MS = 4_000;

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
    connect: { timeout: opts.connectTimeoutMs ?? 10_000, ...(secureContext ? { secureContext } : {}) },
  });
  return {
    fetch: (input, init) => undiciFetch(input, { ...init, dispatcher }),
    close: () => dispatcher.close(),
  };
}

/** The fetch a part uses when none is given: undici's, with its default dispatcher (system roots only). */
export const defaultFetch: Fetch = (input, init) => undiciFetch(input, init);
