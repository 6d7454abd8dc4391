import type { Insertable, Kysely } from 'kysely';
import { placeholders, powerOfTwoRuns, prepare, preparedByShape } from './prepared-query';
import type { CallTimelineRepo, TimelineKind } from '../calling';
import type { CallTimelineTable, Database } from './types';

// Entries per insert statement: 5 parameters each, well under both databases' limits.
const CHUNK = 200;
const COLUMNS = ['call_id', 'at', 'kind', 'summary', 'data'] as const;

// A batch's timeline lines go in with a statement per run of a power-of-two length (listLength says why).
const insertQuery = preparedByShape<unknown[]>((db, n) => {
  const values = placeholders(Number(n) * COLUMNS.length, 'value');
  const rows = Array.from(
    { length: Number(n) },
    (_, r) =>
      Object.fromEntries(
        COLUMNS.map((c, k) => [c, values[r * COLUMNS.length + k]]),
      ) as unknown as Insertable<CallTimelineTable>,
  );
  return prepare<unknown[]>(db.insertInto('call_timeline').values(rows).compile(), values);
});

/** The per-call timeline over one Kysely handle. */
export function createCallTimelineRepo(db: Kysely<Database>): CallTimelineRepo {
  return {
    async add(entries) {
      if (entries.length === 0) return;
      const runs: Array<typeof entries> = [];
      for (let i = 0; i < entries.length; i += CHUNK)
        runs.push(...powerOfTwoRuns(entries.slice(i, i + CHUNK)));
      const insert = async (trx: Kysely<Database>) => {
        for (const run of runs) {
          const values = run.flatMap((e) => [
            e.callId,
            e.at,
            e.kind,
            e.summary,
            e.data === undefined ? null : JSON.stringify(e.data),
          ]);
          await trx.executeQuery(insertQuery(trx, String(run.length))(...values));
        }
      };
      // Lines added together are kept together, whatever the number of statements they took.
      await (runs.length > 1 && !db.isTransaction ? db.transaction().execute(insert) : insert(db));
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
