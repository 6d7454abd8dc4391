// Our retry link instead of graph-client's RetryHandler: that one repeats a 504 for any method (so a
// POST /communications/calls could place two calls), ignores lost connections, and sits after the
// client-request-id is fixed, so every attempt would carry the same id. This link gives each attempt a
// fresh client-request-id and a fresh token, honours Retry-After (capped), backs off exponentially
// otherwise, and repeats an ambiguous failure only for idempotent requests (retry-policy.ts). Nothing
// else in the chain retries, so there is no double retry.
import { randomUUID } from 'node:crypto';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';
import { TransportError } from './https-transport';
import { headersOf, stateOf } from './request-state';
import { parseRetryAfter } from './retry-after';
import { backoffMs, decideRetry } from './retry-policy';
import type { AttemptOutcome, RetryDecision } from './retry-policy';
import { mapTransportError } from './transport-errors';

/** Settings of the retry link. */
export interface RetryOptions {
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
  readonly retryAfterCapMs: number;
  readonly baseUrl: string;
  readonly sleep: (ms: number) => Promise<void>;
  readonly random?: () => number;
}

/** Retries what is safe to retry; see the file comment. */
export class RetryMiddleware implements Middleware {
  private next?: Middleware;

  constructor(private readonly opts: RetryOptions) {}

  setNext(next: Middleware): void {
    this.next = next;
  }

  async execute(context: Context): Promise<void> {
    const next = this.next;
    if (!next) throw new Error('RetryMiddleware needs a next middleware');
    const state = stateOf(context);
    for (let attempt = 1; ; attempt += 1) {
      const headers = headersOf(context);
      const clientRequestId = randomUUID();
      headers['client-request-id'] = clientRequestId;
      // The authentication link appends to an existing header; each attempt gets a fresh one.
      for (const k of Object.keys(headers)) if (k.toLowerCase() === 'authorization') delete headers[k];
      state.attempts = attempt;
      state.clientRequestIds.push(clientRequestId);

      const started = Date.now();
      let outcome: AttemptOutcome;
      let transportError: TransportError | undefined;
      try {
        context.response = undefined;
        await next.execute(context);
        outcome = { kind: 'status', status: responseOf(context)?.status ?? 0 };
      } catch (err) {
        if (!(err instanceof TransportError)) throw err;
        transportError = err;
        outcome = { kind: 'network', maybeSent: err.maybeSent, certificate: err.certificate };
      }

      const ok = outcome.kind === 'status' && outcome.status < 400;
      const decision: RetryDecision = ok
        ? { retry: false }
        : decideRetry(state.method, state.path, outcome, state.idempotent);
      const fields = {
        method: state.method,
        path: state.path,
        attempt,
        clientRequestId,
        ms: Date.now() - started,
        status: outcome.kind === 'status' ? outcome.status : undefined,
        requestId: responseOf(context)?.headers.get('request-id') ?? undefined,
        network: transportError?.errorCode ?? (transportError?.timedOut ? 'timeout' : undefined),
      };
      if (ok) state.log.debug(fields, 'graph request');
      else
        state.log.warn({ ...fields, retry: decision.retry, reason: decision.reason }, 'graph request failed');

      if (decision.retry && attempt < this.opts.maxAttempts) {
        const header = responseOf(context)?.headers.get('retry-after');
        const wait =
          parseRetryAfter(header, Date.now(), this.opts.retryAfterCapMs) ??
          backoffMs(attempt, this.opts.random);
        state.log.info(
          { method: state.method, path: state.path, attempt, waitMs: wait, reason: decision.reason },
          'retrying graph request',
        );
        await this.opts.sleep(wait);
        continue;
      }
      if (transportError) {
        state.failure = mapTransportError(transportError, {
          method: state.method,
          path: state.path,
          attempts: attempt,
          unsafe: decision.unsafe === true,
          clientRequestId,
          baseUrl: this.opts.baseUrl,
        });
        throw transportError;
      }
      return;
    }
  }
}

// Read through a function: TypeScript would otherwise keep the `undefined` assigned before the call.
function responseOf(context: Context): Response | undefined {
  return context.response;
}
