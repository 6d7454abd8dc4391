// Teams presence for the watched boards, read from Graph only when it can have changed: when the agents'
// presence subscription says someone's did, or once `maxAgeMs` has passed (a change whose notification
// was lost, or no subscription at all). The store, which the app itself changes, is read at every look.
import type { PresenceChanges } from './agent-presence';
import type { BoardPresenceReader } from './board';

type Presence = Awaited<ReturnType<BoardPresenceReader['getPresences']>>[number];

/** `reader` behind a cache that a presence notification makes stale for the person named. */
export function cachedPresence(
  reader: BoardPresenceReader,
  opts: { readonly changes?: PresenceChanges; readonly maxAgeMs?: number; readonly now?: () => number },
): BoardPresenceReader {
  const now = opts.now ?? Date.now;
  const maxAgeMs = opts.maxAgeMs ?? 60_000;
  let cache = new Map<string, Presence>();
  let asked = new Set<string>();
  let readAt = -Infinity;
  const stale = new Set<string>();
  opts.changes?.onChange((id) => stale.add(id.toLowerCase()));

  return {
    async getPresences(ids) {
      const wanted = ids.map((id) => id.toLowerCase());
      const fresh = now() - readAt < maxAgeMs && wanted.every((id) => asked.has(id) && !stale.has(id));
      if (fresh) return wanted.flatMap((id) => cache.get(id) ?? []);
      // A notification arriving during the read stays pending; one taken by a failed read is put back.
      const taken = [...stale];
      stale.clear();
      const at = now();
      try {
        const read = await reader.getPresences(ids);
        cache = new Map(read.flatMap((p) => (p.id ? [[p.id.toLowerCase(), p] as const] : [])));
        asked = new Set(wanted);
        readAt = at;
        return read;
      } catch (err) {
        for (const id of taken) stale.add(id);
        throw err;
      }
    },
  };
}
