// GETs the OpenID documents and key sets the webhook's keys come from, through the app's fetch.
import { defaultFetch, type Fetch } from '../http/outbound';
import { readLimited } from '../http/read-limited';
import { reasonOf } from '../http/transport-error';

export interface FetchJsonOptions {
  /** The fetch to send with (the app's one dispatcher, which trusts EXTRA_CA_FILE). */
  readonly fetch?: Fetch;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
}

/** GETs a JSON document over http(s); rejects on a non-200 status, a timeout, an oversize or non-JSON body. */
export type FetchJson = (url: string) => Promise<unknown>;

/** Builds a FetchJson over `fetch`. */
export function createFetchJson(opts: FetchJsonOptions = {}): FetchJson {
  const timeoutMs = opts.timeoutMs ?? 5000;
  const maxBytes = opts.maxBytes ?? 1024 * 1024;
  const fetch = opts.fetch ?? defaultFetch;
  return async (url) => {
    const target = new URL(url);
    if (target.protocol !== 'https:' && target.protocol !== 'http:')
      throw new Error(`${url} is not an http(s) URL`);
    let res;
    try {
      res = await fetch(target, {
        headers: { accept: 'application/json' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new Error(`GET ${url} failed: ${reasonOf(err, timeoutMs)}`, { cause: err });
    }
    if (res.status !== 200) {
      await res.body?.cancel();
      throw new Error(`GET ${url} answered ${res.status}`);
    }
    let text: string;
    try {
      text = (await readLimited(res, maxBytes, 'the answer')).toString('utf8');
    } catch (err) {
      throw new Error(`GET ${url} failed: ${reasonOf(err, timeoutMs)}`, { cause: err });
    }
    try {
      return JSON.parse(text) as unknown;
    } catch (e) {
      throw new Error(`GET ${url} did not return JSON: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
}
