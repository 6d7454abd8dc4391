import type { Kysely } from 'kysely';
import type { CallTimelineRepo, Database, TimelineKind } from './types';

/** The per-call timeline over one Kysely handle. */
export function createCallTimelineRepo(db: Kysely<Database>): CallTimelineRepo {
  return {
    async add(entries) {
      if (entries.length === 0) return;
      await db
        .insertInto('call_timeline')
        .values(
          entries.map((e) => ({
            call_id: e.callId,
            at: e.at,
            kind: e.kind,
            summary: e.summary,
            data: e.data === undefined ? null : JSON.stringify(e.data),
          })),
        )
        .execute();
    },

    async list(callId, opts = {}) {
      let query = db.selectFrom('call_timeline').selectAll().where('call_id', '=', callId).orderBy('id');
      if (opts.limit !== undefined) query = query.limit(opts.limit);
      const rows = await query.execute();
      return rows.map((r) => ({
        id: Number(r.id),
        callId: r.call_id,
        at: r.at,
        kind: r.kind as TimelineKind,
        summary: r.summary,
        ...(r.data === null ? {} : { data: JSON.parse(r.data) as unknown }),
      }));
    },
  };
}
