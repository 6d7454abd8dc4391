// Retry-After as Graph sends it: delta-seconds ("3") or an HTTP-date ("Wed, 21 Oct 2015 07:28:00 GMT").

/** The longest we wait on one Retry-After, whatever the server asks: a caller is usually waiting. */
export const RETRY_AFTER_CAP_MS = 60_000;

/** Milliseconds to wait for a Retry-After value, capped at `capMs`; undefined when absent or unreadable. */
export function parseRetryAfter(
  value: string | null | undefined,
  nowMs: number = Date.now(),
  capMs: number = RETRY_AFTER_CAP_MS,
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) {
    ms = Number(text) * 1000;
  } else {
    // Only something shaped like an HTTP-date (a month name and a time of day): Date.parse alone accepts
    // almost anything.
    if (!/[a-z]{3}/i.test(text) || !/\d{1,2}:\d{2}:\d{2}/.test(text)) return undefined;
    const at = Date.parse(text);
    if (Number.isNaN(at)) return undefined;
    ms = at - nowMs;
  }
  return Math.min(Math.max(0, Math.round(ms)), capMs);
}
