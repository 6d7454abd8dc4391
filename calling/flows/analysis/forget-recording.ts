// After a recording was fetched and analysed, nothing of it may stay (the platform's terms): the call
// model keeps operation resources and notifications as they came, recordingLocation and
// recordingAccessToken included, so those fields are removed from the call's rows here. The rows are
// JSON text on both databases; the store rewrites them (and leaves no copy in its files).
import type { CallingStorage } from '../../storage';

const SECRET_KEYS = new Set(['recordingLocation', 'recordingAccessToken']);

/** A copy of a JSON value without any recordingLocation / recordingAccessToken, at any depth. */
export function withoutRecordingRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRecordingRefs);
  if (typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (!SECRET_KEYS.has(k)) out[k] = withoutRecordingRefs(v);
  }
  return out;
}

/** Removes every recording reference kept for a call; returns how many rows changed. */
export function forgetRecordings(
  store: Pick<CallingStorage, 'rewriteCallJson'>,
  callId: string,
): Promise<number> {
  return store.rewriteCallJson(callId, {
    mentioning: [...SECRET_KEYS],
    rewrite: (text) => JSON.stringify(withoutRecordingRefs(JSON.parse(text) as unknown)),
  });
}
