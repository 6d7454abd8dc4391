// Fetches a recording into memory with its access token (Graph's recordOperation: GET recordingLocation
// with `Authorization: Bearer recordingAccessToken`). Nothing is written to disk.
import { defaultFetch, type Fetch } from '../../http/outbound';
import { readLimited } from '../../http/read-limited';
import { reasonOf } from '../../http/transport-error';

/** Gets a recording's bytes; rejects when it cannot. */
export type RecordingFetcher = (location: string, accessToken: string) => Promise<Buffer>;

export interface FetchRecordingOptions {
  /** The fetch to send with (the app's one dispatcher, which trusts EXTRA_CA_FILE). */
  readonly fetch?: Fetch;
  readonly timeoutMs?: number;
  /** Graph records at most 2 minutes; 16 kHz 16-bit mono is about 4 MB. */
  readonly maxBytes?: number;
}

/** Builds a fetcher over http(s). The location is never repeated in an error: errors end up in logs. */
export function createRecordingFetcher(opts: FetchRecordingOptions = {}): RecordingFetcher {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxBytes = opts.maxBytes ?? 8 * 1024 * 1024;
  const fetch = opts.fetch ?? defaultFetch;
  return async (location, token) => {
    const url = new URL(location);
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw new Error('the recording location is not an http(s) URL');
    let res;
    try {
      res = await fetch(url, {
        headers: { authorization: `Bearer ${token}`, accept: 'application/octet-stream' },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      throw new Error(`fetching the recording failed: ${reasonOf(err, timeoutMs)}`, { cause: err });
    }
    if (res.status !== 200) {
      await res.body?.cancel();
      throw new Error(`fetching the recording answered ${res.status}`);
    }
    try {
      return await readLimited(res, maxBytes, 'the recording');
    } catch (err) {
      throw new Error(`reading the recording failed: ${reasonOf(err, timeoutMs)}`, { cause: err });
    }
  };
}
