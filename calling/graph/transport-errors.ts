// CallingErrors for requests that got no answer at all.
import { CallingError } from '../errors';
import type { TransportError } from '../http/transport-error';

/** Facts about the request whose attempts all failed without an answer. */
export interface TransportFailure {
  readonly method: string;
  readonly path: string;
  readonly attempts: number;
  /** True when the last failure may have reached Graph and the request is not safe to repeat. */
  readonly unsafe: boolean;
  readonly clientRequestId?: string;
  readonly baseUrl: string;
}

/** The CallingError for a request that never got an answer. */
export function mapTransportError(err: TransportError, f: TransportFailure): CallingError {
  const init = {
    clientRequestId: f.clientRequestId,
    graphCode: err.errorCode,
    details: { method: f.method, path: f.path, attempts: f.attempts },
    cause: err,
  };
  const what = `${f.method} ${f.path}`;
  if (err.certificate) {
    return new CallingError(
      'graph_error',
      `The TLS certificate of ${new URL(f.baseUrl).origin} is not trusted (${err.errorCode}). ` +
        'When GRAPH_BASE_URL points at the local emulator, set EXTRA_CA_FILE to its ca.pem; otherwise check GRAPH_BASE_URL.',
      init,
    );
  }
  if (f.unsafe) {
    return new CallingError(
      'graph_timeout',
      `${what} got no answer (${err.timedOut ? 'timed out' : (err.errorCode ?? 'connection lost')}) after it was sent: ` +
        'it may or may not have taken effect. Check the current state (GET the call, or wait for its notification) before repeating it.',
      init,
    );
  }
  return new CallingError(
    'graph_unavailable',
    `Could not reach Graph at ${new URL(f.baseUrl).origin} for ${what} (${err.timedOut ? 'timed out' : (err.errorCode ?? err.message)}) ` +
      `after ${f.attempts} attempt(s). Check GRAPH_BASE_URL and the network, then try again.`,
    init,
  );
}
