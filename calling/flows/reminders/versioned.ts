// Read-change-write of one kv entry with the store's optimistic versions: a change made by another
// instance in between is never overwritten; the change is re-applied to what is stored now instead.
import { StoreConflictError, type KeyValue } from '../../../store';

const MAX_TRIES = 20;

/**
 * Applies `change` to the entry, retrying on a version conflict. `change` returns undefined to leave the
 * entry as it is. Resolves with the entry as stored afterwards and whether this call changed it.
 */
export async function updateVersioned<T>(
  kv: KeyValue,
  ns: string,
  key: string,
  change: (current: T) => T | undefined,
): Promise<{ value: T | undefined; changed: boolean }> {
  for (let i = 0; i < MAX_TRIES; i++) {
    const got = await kv.get<T>(ns, key);
    if (!got) return { value: undefined, changed: false };
    const next = change(got.value);
    if (next === undefined) return { value: got.value, changed: false };
    try {
      await kv.put(ns, key, next, { expectedVersion: got.version });
      return { value: next, changed: true };
    } catch (err) {
      if (!(err instanceof StoreConflictError)) throw err;
      // Someone else wrote it in between: read again and re-apply.
    }
  }
  throw new Error(`kv ${ns}/${key}: gave up after ${MAX_TRIES} conflicting updates`);
}
