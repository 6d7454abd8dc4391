// One logical Graph request, attempt by attempt. Each attempt gets a fresh client-request-id and a fresh
// token, honours Retry-After (capped), backs off exponentially otherwise, and repeats an ambiguous
// failure only for idempotent requests (retry-policy.ts). Graph's SDK retry handler is not used: it
// repeats a 504 for any method (a POST /communications/calls could place two calls), ignores lost
// connections, and keeps one client-request-id for every attempt.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { CallingError } from '../errors';
import { withDeadline } from '../http/deadline';
import type { SendText } from '../http/outbound';
import { TransportError, transportError } from '../http/transport-error';
import { parseRetryAfter } from './retry-after';
import { backoffMs, decideRetry } from './retry-policy';
import type { AttemptOutcome, RetryDecision } from './retry-policy';
import { mapTransportError } from './transport-errors';

/** What the request sends on every attempt; `token` is asked anew for each (absent: no Authorization). */
export interface ExchangeRequest {
  readonly method: string;
  /** The version-less path, for logs and errors. */
  readonly path: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly idempotent: boolean;
  readonly token?: () => Promise<string>;
  readonly log: Logger;
}

/** How requests are sent and repeated. */
export interface ExchangeOptions {
  readonly send: SendText;
  readonly maxAttempts: number;
  readonly timeoutMs: number;
  readonly retryAfterCapMs: number;
  readonly baseUrl: string;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** The answer of the last attempt; header names lower-case. */
export interface Exchange {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly text: string;
  readonly attempts: number;
  readonly clientRequestId: string;
}

type Answer = { status: number; headers: Record<string, string>; text: string };

/** Sends `req` until it is answered or retrying is not allowed; rejects only with CallingError. */
export async function exchange(req: ExchangeRequest, opts: ExchangeOptions): Promise<Exchange> {
  for (let attempt = 1; ; attempt += 1) {
    const clientRequestId = randomUUID();
    const headers: Record<string, string> = { ...req.headers, 'client-request-id': clientRequestId };
    if (req.token) headers['authorization'] = `Bearer ${await tokenOf(req.token)}`;
    const started = Date.now();
    const got = await send(opts, req, headers).catch((err: unknown) =>
      transportError(err, { method: req.method, url: req.url, timeoutMs: opts.timeoutMs }),
    );
    const answer = got instanceof TransportError ? undefined : got;
    const failure = got instanceof TransportError ? got : undefined;
    const outcome: AttemptOutcome = failure
      ? { kind: 'network', maybeSent: failure.maybeSent, certificate: failure.certificate }
      : { kind: 'status', status: answer?.status ?? 0 };
    const ok = answer !== undefined && answer.status < 400;
    const decision: RetryDecision = ok
      ? { retry: false }
      : decideRetry(req.method, req.path, outcome, req.idempotent);
    const fields = {
      method: req.method,
      path: req.path,
      attempt,
      clientRequestId,
      ms: Date.now() - started,
      status: answer?.status,
      requestId: answer?.headers['request-id'],
      network: failure?.errorCode ?? (failure?.timedOut ? 'timeout' : undefined),
    };
    if (ok) req.log.debug(fields, 'graph request');
    else req.log.warn({ ...fields, retry: decision.retry, reason: decision.reason }, 'graph request failed');

    if (decision.retry && attempt < opts.maxAttempts) {
      const wait =
        parseRetryAfter(answer?.headers['retry-after'], Date.now(), opts.retryAfterCapMs) ??
        backoffMs(attempt, opts.random);
      req.log.info(
        { method: req.method, path: req.path, attempt, waitMs: wait, reason: decision.reason },
        'retrying graph request',
      );
      await opts.sleep(wait);
      continue;
    }
    if (got instanceof TransportError) {
      throw mapTransportError(got, {
        method: req.method,
        path: req.path,
        attempts: attempt,
        unsafe: decision.unsafe === true,
        clientRequestId,
        baseUrl: opts.baseUrl,
      });
    }
    return { ...got, attempts: attempt, clientRequestId };
  }
}

// The body is read under the same deadline: an answer cut off midway is a failure after sending.
async function send(
  opts: ExchangeOptions,
  req: ExchangeRequest,
  headers: Record<string, string>,
): Promise<Answer> {
  return withDeadline(opts.timeoutMs, (signal) =>
    opts.send(req.url, {
      method: req.method,
      headers,
      ...(req.body !== undefined ? { body: req.body } : {}),
      signal,
    }),
  );
}

async function tokenOf(token: () => Promise<string>): Promise<string> {
  try {
    return await token();
  } catch (err) {
    throw err instanceof CallingError
      ? err
      : new CallingError('graph_auth_failed', `Could not get a token: ${String(err)}`, { cause: err });
  }
}
