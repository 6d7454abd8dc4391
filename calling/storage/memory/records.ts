// Call-record summaries in memory: a newer version replaces an older one, never the other way round.
import type { CallRecordSummaries, CallRecordSummary } from '../records';
import { copy } from './json';

export function createMemoryRecords(): CallRecordSummaries {
  const records = new Map<string, CallRecordSummary>();
  const people = (s: CallRecordSummary) =>
    new Set([...(s.organizerId ? [s.organizerId] : []), ...s.participantIds]);

  return {
    async put(summary) {
      const s: CallRecordSummary = copy({
        ...summary,
        id: summary.id.toLowerCase(),
        organizerId: summary.organizerId?.toLowerCase() ?? null,
        participantIds: [...new Set(summary.participantIds.map((p) => p.toLowerCase()))],
      });
      const had = records.get(s.id);
      if (had && had.version >= s.version) return 'kept';
      records.set(s.id, s);
      return had ? 'updated' : 'inserted';
    },

    async get(id) {
      const s = records.get(id.toLowerCase());
      return s && copy(s);
    },

    async versions(ids) {
      const out = new Map<string, number>();
      for (const id of ids) {
        const s = records.get(id.toLowerCase());
        if (s) out.set(s.id, s.version);
      }
      return out;
    },

    async forUser(userId, fromMs, toMs) {
      const user = userId.toLowerCase();
      return [...records.values()]
        .filter((s) => s.startAt >= fromMs && s.startAt < toMs && people(s).has(user))
        .sort((a, b) => a.startAt - b.startAt)
        .map(copy);
    },

    async purgeBefore(beforeMs) {
      let n = 0;
      for (const [id, s] of records)
        if (s.startAt < beforeMs) {
          records.delete(id);
          n++;
        }
      return n;
    },
  };
}
