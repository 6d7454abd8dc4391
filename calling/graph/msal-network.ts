// msal-node's network interface over the app's fetch, so token requests trust the same extra CA as Graph
// requests (msal's own client only takes agent options that replace the system roots).
import type { INetworkModule, NetworkRequestOptions, NetworkResponse } from '@azure/msal-node';
import type { Fetch } from '../http/outbound';
import { transportError } from '../http/transport-error';

const DEFAULT_TIMEOUT_MS = 30_000;

/** An msal INetworkModule that sends through `fetch`; a request without an answer rejects with TransportError. */
export function createMsalNetwork(fetch: Fetch, timeoutMs = DEFAULT_TIMEOUT_MS): INetworkModule {
  async function send<T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
    timeout?: number,
  ): Promise<NetworkResponse<T>> {
    const headers: Record<string, string> = { ...(options?.headers ?? {}) };
    if (method === 'POST' && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-type')) {
      headers['content-type'] = 'application/x-www-form-urlencoded;charset=utf-8';
    }
    const ms = timeout ?? timeoutMs;
    try {
      const res = await fetch(url, {
        method,
        headers,
        ...(options?.body !== undefined ? { body: options.body } : {}),
        signal: AbortSignal.timeout(ms),
      });
      const text = await res.text();
      const flat: Record<string, string> = {};
      res.headers.forEach((value, name) => (flat[name.toLowerCase()] = value));
      return { status: res.status, headers: flat, body: parseBody<T>(res.status, text) };
    } catch (err) {
      throw transportError(err, { method, url, timeoutMs: ms });
    }
  }
  return {
    sendGetRequestAsync: (url, options, timeout) => send('GET', url, options, timeout),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

// msal reads `error` / `error_description` from whatever body it gets; a non-JSON answer (a proxy's
// HTML page) becomes an error object in that shape, as msal's own client does.
function parseBody<T>(status: number, text: string): T {
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    const kind = status >= 500 ? 'server_error' : status >= 400 ? 'client_error' : 'unknown_error';
    const excerpt = text.slice(0, 200).replace(/\s+/g, ' ');
    return {
      error: kind,
      error_description: `The identity endpoint answered ${status} with a body that is not JSON (${(err as Error).message}): ${excerpt}`,
    } as T;
  }
}
