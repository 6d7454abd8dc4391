// A queue's agents as object ids, and which of them may be rung now: only those whose Teams presence
// is Available. Presence is read for all of a queue's agents in one Graph request and kept a moment,
// so every caller waiting in a queue asking at once costs one request, not one each.
import type { Directory } from '../runtime';
import type { QueueConfig } from './queue-schema';

/** The part of Graph's presence API this needs (getPresencesByUserId). */
export interface PresenceReader {
  getPresences(
    userIds: readonly string[],
  ): Promise<ReadonlyArray<{ readonly id?: string | null; readonly availability?: string | null }>>;
}

/** The queue's agents as lower-case object ids, in the queue's order (names resolved in `dir`). */
export function agentIds(q: QueueConfig, dir: Directory): string[] {
  return q.agents.flatMap((a) => {
    const party = typeof a === 'string' ? dir.people[a] : a;
    return party && 'user' in party ? [party.user.toLowerCase()] : [];
  });
}

export interface Availability {
  /** Those of `ids` whose presence is Available now (read at most `maxAgeMs` ago). */
  available(ids: readonly string[]): Promise<Set<string>>;
  /** Forgets what was read for `id` (their presence changed), so the next ask reads it again. */
  forget(id: string): void;
}

/** Presence with a short memory; a failed read rejects (the caller tries again later). */
export function createAvailability(
  presence: PresenceReader,
  opts: { readonly maxAgeMs?: number; readonly now?: () => number } = {},
): Availability {
  const maxAge = opts.maxAgeMs ?? 2000;
  const now = opts.now ?? Date.now;
  const known = new Map<string, { readonly availability: string; readonly at: number }>();
  return {
    async available(ids) {
      const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
      const t = now();
      const stale = wanted.filter((id) => {
        const k = known.get(id);
        return !k || t - k.at > maxAge;
      });
      if (stale.length > 0) {
        const read = await presence.getPresences(stale);
        for (const id of stale) known.set(id, { availability: 'PresenceUnknown', at: t });
        for (const p of read)
          if (p.id)
            known.set(p.id.toLowerCase(), { availability: p.availability ?? 'PresenceUnknown', at: t });
      }
      return new Set(wanted.filter((id) => known.get(id)?.availability === 'Available'));
    },
    forget(id) {
      known.delete(id.toLowerCase());
    },
  };
}
