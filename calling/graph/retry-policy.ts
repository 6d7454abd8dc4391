// When a failed Graph request may be sent again. 429 and 503 say the request was not processed, so any
// method may be repeated. 504 and a connection lost after the request left are ambiguous: the server may
// have acted, so only requests that are safe to repeat (idempotent) go again; the others surface as
// "outcome unknown" instead of risking a second call, a second transfer or a second prompt. This layer
// cannot tell a harmless repeat from a harmful one (a prompt heard twice against a call transferred
// twice), so it stays strict; the flows, which know what is harmless twice, send again themselves:
// every flow its hang-ups (a 500 included), the IVR its prompts and tone subscriptions
// (calling/flows/runtime/resend.ts, calling/flows/ivr/ivr-retry.ts).

/** How one attempt ended, as far as retrying is concerned. */
export type AttemptOutcome =
  | { readonly kind: 'status'; readonly status: number }
  | { readonly kind: 'network'; readonly maybeSent: boolean; readonly certificate: boolean };

/** Why a retry happens (or would have, were it safe). */
export type RetryReason = 'throttled' | 'unavailable' | 'gateway_timeout' | 'not_sent' | 'no_answer';

/** The verdict for one failed attempt. `unsafe` marks an ambiguous failure of a non-idempotent request. */
export interface RetryDecision {
  readonly retry: boolean;
  readonly reason?: RetryReason;
  readonly unsafe?: boolean;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE']);

/** True when repeating the request cannot cause a second side effect. keepAlive is a POST that only refreshes a timer. */
export function isIdempotent(method: string, path: string): boolean {
  if (IDEMPOTENT_METHODS.has(method.toUpperCase())) return true;
  const bare = path.split('?')[0] ?? '';
  return method.toUpperCase() === 'POST' && /\/keepalive\/?$/i.test(bare);
}

/** Whether an attempt that ended with `outcome` may be repeated; `idempotent` overrides the method rule. */
export function decideRetry(
  method: string,
  path: string,
  outcome: AttemptOutcome,
  idempotent?: boolean,
): RetryDecision {
  const safe = idempotent ?? isIdempotent(method, path);
  if (outcome.kind === 'network') {
    if (outcome.certificate) return { retry: false };
    if (!outcome.maybeSent) return { retry: true, reason: 'not_sent' };
    return safe ? { retry: true, reason: 'no_answer' } : { retry: false, reason: 'no_answer', unsafe: true };
  }
  switch (outcome.status) {
    case 429:
      return { retry: true, reason: 'throttled' };
    case 503:
      return { retry: true, reason: 'unavailable' };
    case 504:
      return safe
        ? { retry: true, reason: 'gateway_timeout' }
        : { retry: false, reason: 'gateway_timeout', unsafe: true };
    default:
      return { retry: false };
  }
}

/** Backoff before attempt `attempt + 1` when the server named no delay: 1 s, 2 s, 4 s ... (±20 %), at most 30 s. */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.max(0, attempt - 1));
  return Math.round(base * (0.8 + 0.4 * random()));
}
