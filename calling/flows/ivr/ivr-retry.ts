// Which failures the IVR sends again, and how soon. The Graph client repeats only what cannot act twice
// (429 and 503, which say the request was not processed, and idempotent requests): it cannot know that
// a second copy of a prompt is harmless while a second transfer is not. The IVR knows what the caller
// hears, so it decides here: a prompt or a tone subscription that failed with a 5xx, a timeout, a lost
// connection or a lost completion is sent again (a prompt after clearing the media queue, so it is never
// heard twice), a few times, with a short backoff. Transfers, redirects and meeting moves are not: their
// failure takes the menu's onFail path instead.

/** Times a prompt or a tone subscription is sent again before the caller goes to the fallback. */
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
