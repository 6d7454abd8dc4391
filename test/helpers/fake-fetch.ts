// A fake of the app's fetch for unit tests: records what was sent and answers from a script, without a
// socket. A script's Error is thrown as fetch throws it ("fetch failed" with the reason as its cause).
import { Headers, Response } from 'undici';
import type { Fetch } from '../../calling';

/** One request as the fake saw it; header names lower-case. */
export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** An answer of the script. */
export interface FakeAnswer {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

/** A socket-level failure with a Node error code, as undici reports it inside "fetch failed". */
export function networkError(code: string, message = code): Error {
  return new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
}

/** The fake fetch over `answer`, and the list of requests it was given. */
export function fakeFetch(answer: (req: SentRequest) => FakeAnswer | Error): {
  fetch: Fetch;
  sent: SentRequest[];
} {
  const sent: SentRequest[] = [];
  const fetch: Fetch = async (input, init) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const body = init?.body;
    const req: SentRequest = {
      method: (init?.method ?? 'GET').toUpperCase(),
      url: String(input),
      headers,
      ...(typeof body === 'string'
        ? { body }
        : body instanceof Uint8Array
          ? { body: Buffer.from(body).toString('utf8') }
          : {}),
    };
    sent.push(req);
    const a = answer(req);
    if (a instanceof Error) throw a;
    const nullBody = [101, 204, 205, 304].includes(a.status);
    return new Response(nullBody ? null : (a.body ?? ''), { status: a.status, headers: { ...a.headers } });
  };
  return { fetch, sent };
}
