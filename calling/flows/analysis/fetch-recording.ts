// Fetches a recording into memory with its access token (Graph's recordOperation: GET recordingLocation
// with `Authorization: Bearer recordingAccessToken`). Nothing is written to disk.
import http from 'node:http';
import https from 'node:https';
import { rootCertificates } from 'node:tls';

/** Gets a recording's bytes; rejects when it cannot. */
export type RecordingFetcher = (location: string, accessToken: string) => Promise<Buffer>;

export interface FetchRecordingOptions {
  /** An extra CA (PEM) trusted besides the system roots (the emulator's local CA). */
  readonly caPem?: string;
  readonly timeoutMs?: number;
  /** Graph records at most 2 minutes; 16 kHz 16-bit mono is about 4 MB. */
  readonly maxBytes?: number;
}

/** Builds a fetcher over http(s). */
export function createRecordingFetcher(opts: FetchRecordingOptions = {}): RecordingFetcher {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const maxBytes = opts.maxBytes ?? 8 * 1024 * 1024;
  const agent = new https.Agent(opts.caPem ? { ca: [...rootCertificates, opts.caPem] } : {});
  return (location, token) =>
    new Promise<Buffer>((resolve, reject) => {
      const url = new URL(location);
      const secure = url.protocol === 'https:';
      if (!secure && url.protocol !== 'http:') {
        reject(new Error('the recording location is not an http(s) URL'));
        return;
      }
      const req = (secure ? https : http).get(
        url,
        {
          ...(secure ? { agent } : {}),
          headers: { authorization: `Bearer ${token}`, accept: 'application/octet-stream' },
          timeout: timeoutMs,
        },
        (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            // The location is not repeated in the message: errors end up in logs.
            reject(new Error(`fetching the recording answered ${res.statusCode ?? 'no status'}`));
            return;
          }
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (c: Buffer) => {
            size += c.length;
            if (size > maxBytes) req.destroy(new Error(`the recording is larger than ${maxBytes} bytes`));
            else chunks.push(c);
          });
          res.on('error', reject);
          res.on('end', () => resolve(Buffer.concat(chunks)));
        },
      );
      req.on('timeout', () => req.destroy(new Error(`fetching the recording took over ${timeoutMs} ms`)));
      req.on('error', reject);
    });
}
