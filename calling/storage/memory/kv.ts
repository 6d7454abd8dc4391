// Key-value entries in memory: JSON values per namespace, versions, and expiry, as kv.ts documents.
import type { KeyValue, KvEntry, PutOptions } from '../kv';
import { MemoryConflictError } from './errors';

interface Entry {
  readonly text: string;
  readonly version: number;
  readonly expiresAt: number | null;
}

const live = (e: Entry | undefined, now: number): e is Entry =>
  e !== undefined && (e.expiresAt === null || e.expiresAt > now);

/** The kv area of a memory storage; `now` is the clock expiry is read on. */
export function createMemoryKeyValue(now: () => number): KeyValue {
  const spaces = new Map<string, Map<string, Entry>>();
  const space = (ns: string) => {
    let s = spaces.get(ns);
    if (!s) spaces.set(ns, (s = new Map()));
    return s;
  };

  return {
    async get<T>(ns: string, key: string) {
      const e = spaces.get(ns)?.get(key);
      return live(e, now()) ? { value: JSON.parse(e.text) as T, version: e.version } : undefined;
    },

    async put<T>(ns: string, key: string, value: T, opts: PutOptions = {}) {
      const text = JSON.stringify(value);
      if (text === undefined)
        throw new TypeError(`kv ${ns}/${key}: value must be JSON-serializable, got undefined`);
      const at = now();
      const s = space(ns);
      const had = s.get(key);
      const expected = opts.expectedVersion;
      if (expected !== undefined && expected > 0 && !(live(had, at) && had.version === expected))
        throw new MemoryConflictError(`kv ${ns}/${key}: expected version ${expected}, found another`);
      if (expected === 0 && live(had, at))
        throw new MemoryConflictError(`kv ${ns}/${key}: expected no entry, found one`);
      // Versions keep counting up through an expired entry, so a stale reader never matches again.
      const version = (had?.version ?? 0) + 1;
      s.set(key, { text, version, expiresAt: opts.ttlMs === undefined ? null : at + opts.ttlMs });
      return version;
    },

    async delete(ns: string, key: string) {
      const s = spaces.get(ns);
      const e = s?.get(key);
      s?.delete(key);
      return live(e, now());
    },

    async list<T>(ns: string, opts: { prefix?: string; limit?: number } = {}) {
      const at = now();
      const prefix = opts.prefix ?? '';
      const entries: Array<KvEntry<T>> = [];
      for (const [key, e] of spaces.get(ns) ?? [])
        if (live(e, at) && key.startsWith(prefix))
          entries.push({ key, value: JSON.parse(e.text) as T, version: e.version });
      // In key order (by UTF-16 code unit).
      entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
      return opts.limit === undefined ? entries : entries.slice(0, opts.limit);
    },

    async purgeExpired() {
      const at = now();
      let n = 0;
      for (const s of spaces.values())
        for (const [key, e] of s)
          if (!live(e, at)) {
            s.delete(key);
            n++;
          }
      return n;
    },
  };
}
