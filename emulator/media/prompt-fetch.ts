import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { parseWav, promptFormatProblem, WavError } from './wav-parse';
import type { WavInfo } from './wav-parse';

export interface FetchPromptOptions {
  timeoutMs?: number;
  maxBytes?: number;
  /** PEM of an extra CA to trust besides the system roots (the emulator's own CA, say). */
  ca?: string;
}

/** A usable prompt: its header, labels included, and the file itself (kept in memory only). */
export type FetchPromptResult = { ok: true; info: WavInfo; wav: Buffer } | { ok: false; reason: string };

const DEFAULT_TIMEOUT_MS = 10_000;
/** 2 minutes of 16 kHz 16-bit mono is under 4 MB; anything far beyond that is not a prompt. */
const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;
const MAX_REDIRECTS = 3;

type Got = { ok: true; body: Buffer } | { ok: false; reason: string };

function get(
  url: URL,
  opts: Required<Omit<FetchPromptOptions, 'ca'>> & { ca?: string },
  hops: number,
): Promise<Got> {
  return new Promise((resolve) => {
    const client = url.protocol === 'https:' ? https : http;
    const ca = opts.ca ? [...tls.rootCertificates, opts.ca] : undefined;
    let settled = false;
    const finish = (r: Got) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(r);
    };
    const req = client.get(url, { ...(ca ? { ca } : {}), headers: { accept: 'audio/wav, */*' } }, (res) => {
      const status = res.statusCode ?? 0;
      const location = res.headers.location;
      if (status >= 300 && status < 400 && location) {
        res.resume();
        if (hops >= MAX_REDIRECTS)
          return finish({ ok: false, reason: `more than ${MAX_REDIRECTS} redirects` });
        const next = new URL(location, url);
        clearTimeout(timer);
        settled = true;
        req.destroy();
        resolve(get(next, opts, hops + 1));
        return;
      }
      if (status < 200 || status >= 300) {
        res.resume();
        return finish({ ok: false, reason: `HTTP ${status} from ${url.href}` });
      }
      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > opts.maxBytes) {
        return finish({ ok: false, reason: `prompt is ${declared} bytes, limit ${opts.maxBytes}` });
      }
      const parts: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > opts.maxBytes)
          return finish({ ok: false, reason: `prompt exceeds ${opts.maxBytes} bytes` });
        parts.push(chunk);
      });
      res.on('end', () => finish({ ok: true, body: Buffer.concat(parts) }));
      res.on('error', (err) => finish({ ok: false, reason: `download failed: ${err.message}` }));
    });
    req.on('error', (err) => finish({ ok: false, reason: `cannot fetch ${url.href}: ${err.message}` }));
    const timer = setTimeout(
      () => finish({ ok: false, reason: `timed out after ${opts.timeoutMs} ms fetching ${url.href}` }),
      opts.timeoutMs,
    );
  });
}

/** Fetches a prompt URL (http or https), with timeout and size cap, parses it and checks Graph's format rule. */
export async function fetchPrompt(uri: string, opts: FetchPromptOptions = {}): Promise<FetchPromptResult> {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { ok: false, reason: `not a valid URL: ${uri}` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { ok: false, reason: `unsupported scheme ${url.protocol} (http or https expected)` };
  }
  const got = await get(
    url,
    {
      timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxBytes: opts.maxBytes ?? DEFAULT_MAX_BYTES,
      ca: opts.ca,
    },
    0,
  );
  if (!got.ok) return got;
  let info: WavInfo;
  try {
    info = parseWav(got.body);
  } catch (err) {
    if (err instanceof WavError) return { ok: false, reason: `not a usable WAV file: ${err.message}` };
    throw err;
  }
  const problem = promptFormatProblem(info);
  return problem
    ? { ok: false, reason: `unsupported prompt format: ${problem}` }
    : { ok: true, info, wav: got.body };
}
