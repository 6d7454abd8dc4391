// Sending again what is harmless to send twice. The Graph client repeats only what cannot act twice
// (429 and 503, which say the request was not processed, and idempotent requests); a DELETE that meets
// a 500, or an outage longer than the client's own attempts, comes back as a failure. A flow knows
// which of its requests change nothing when sent twice (a hang-up above all), so it sends those again
// itself after a failure that says nothing about the request: a 5xx, a timeout, a lost connection or
// a lost completion, a few times, with a short backoff. A call that is over needs nothing more.
import type { CallingApi } from '../../core';

/** Times a request is sent again after a transient failure before its failure stands. */
export const MAX_RESENDS = 2;

/** Wait before resend `attempt` (1, 2, ...): 1 s, 2 s, 4 s ... */
export const resendDelayMs = (attempt: number): number => 1000 * 2 ** Math.max(0, attempt - 1);

interface ErrorLike {
  readonly code?: unknown;
  readonly status?: unknown;
}

const codeOf = (err: unknown): string | undefined => {
  const code = (err as ErrorLike | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** True when the call is over: nothing to resend, nobody to fall back for. */
export function callIsOver(err: unknown): boolean {
  const code = codeOf(err);
  return code === 'call_ended' || code === 'call_not_found' || code === 'graph_call_gone';
}

/** True when the failure says nothing about the request itself, so sending it again may work. */
export function isTransient(err: unknown): boolean {
  const code = codeOf(err);
  if (code === 'operation_timeout' || code === 'graph_unavailable' || code === 'graph_throttled') return true;
  if (code === 'graph_timeout') return true;
  const status = (err as ErrorLike | undefined)?.status;
  return code === 'graph_error' && typeof status === 'number' && status >= 500;
}

export interface ResendOptions {
  /** Wait before resend `attempt` (default `resendDelayMs`). */
  readonly delayMs?: (attempt: number) => number;
}

/**
 * Sends, and again after a transient failure (at most `MAX_RESENDS` times); resolves when the call is
 * over. Only for requests that change nothing when sent twice.
 */
export async function resending(send: () => Promise<void>, opts: ResendOptions = {}): Promise<void> {
  const delayMs = opts.delayMs ?? resendDelayMs;
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await send();
    } catch (err) {
      if (callIsOver(err)) return;
      if (!isTransient(err) || attempt >= MAX_RESENDS) throw err;
      await new Promise((r) => setTimeout(r, delayMs(attempt + 1)));
    }
  }
}

/** Hangs up, again after a transient failure (hanging up twice changes nothing); a call already over counts as hung up. */
export function hangUpResending(
  calling: Pick<CallingApi, 'hangUp'>,
  callId: string,
  opts: ResendOptions = {},
): Promise<void> {
  return resending(() => calling.hangUp(callId), opts);
}
