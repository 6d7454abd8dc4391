// Call-record summaries: one row per record, plus one row per person who took part, so that "my calls
// in the last N days" is an index range on (user_id, start_at). A record's version only ever grows: a
// put with an older or equal version leaves the stored one as it is.
import type { Kysely, Selectable } from 'kysely';
import type { CallRecordSummaries, CallRecordSummary, RecordPutResult } from '../calling';
import type { CallRecordsTable, Database, Store } from './types';

const CHUNK = 500;

function toSummary(row: Selectable<CallRecordsTable>): CallRecordSummary {
  return {
    id: row.id,
    version: Number(row.version),
    type: row.type,
    modalities: JSON.parse(row.modalities) as string[],
    startAt: Number(row.start_at),
    endAt: Number(row.end_at),
    organizerId: row.organizer_id,
    participantIds: JSON.parse(row.participant_ids) as string[],
  };
}

function columns(s: CallRecordSummary, storedAt: number) {
  return {
    version: s.version,
    type: s.type,
    modalities: JSON.stringify(s.modalities),
    start_at: s.startAt,
    end_at: s.endAt,
    organizer_id: s.organizerId,
    participant_ids: JSON.stringify(s.participantIds),
    stored_at: storedAt,
  };
}

function people(s: CallRecordSummary): string[] {
  return [...new Set([...(s.organizerId ? [s.organizerId] : []), ...s.participantIds])];
}

async function writePeople(db: Kysely<Database>, s: CallRecordSummary): Promise<void> {
  await db.deleteFrom('call_record_people').where('record_id', '=', s.id).execute();
  const rows = people(s).map((user_id) => ({ record_id: s.id, user_id, start_at: s.startAt }));
  for (let i = 0; i < rows.length; i += CHUNK)
    await db
      .insertInto('call_record_people')
      .values(rows.slice(i, i + CHUNK))
      .execute();
}

async function putIn(db: Kysely<Database>, s: CallRecordSummary, storedAt: number): Promise<RecordPutResult> {
  const existing = await db
    .selectFrom('call_records')
    .select('version')
    .where('id', '=', s.id)
    .executeTakeFirst();
  if (!existing) {
    // Another instance may insert the same record at the same moment; the loser falls through to update.
    const inserted = await db
      .insertInto('call_records')
      .values({ id: s.id, ...columns(s, storedAt) })
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0) {
      await writePeople(db, s);
      return 'inserted';
    }
  }
  const updated = await db
    .updateTable('call_records')
    .set(columns(s, storedAt))
    .where('id', '=', s.id)
    .where('version', '<', s.version)
    .executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return 'kept';
  await writePeople(db, s);
  return 'updated';
}

/** The call-record summaries on an open store. */
export function createCallRecordSummaries(store: Pick<Store, 'db'>): CallRecordSummaries {
  const db = store.db;
  return {
    put(summary, storedAt) {
      const s: CallRecordSummary = {
        ...summary,
        id: summary.id.toLowerCase(),
        organizerId: summary.organizerId?.toLowerCase() ?? null,
        participantIds: [...new Set(summary.participantIds.map((p) => p.toLowerCase()))],
      };
      return db.transaction().execute((trx) => putIn(trx, s, storedAt));
    },

    async get(id) {
      const row = await db
        .selectFrom('call_records')
        .selectAll()
        .where('id', '=', id.toLowerCase())
        .executeTakeFirst();
      return row && toSummary(row);
    },

    async versions(ids) {
      const out = new Map<string, number>();
      const wanted = [...new Set(ids.map((id) => id.toLowerCase()))];
      for (let i = 0; i < wanted.length; i += CHUNK) {
        const rows = await db
          .selectFrom('call_records')
          .select(['id', 'version'])
          .where('id', 'in', wanted.slice(i, i + CHUNK))
          .execute();
        for (const r of rows) out.set(r.id, Number(r.version));
      }
      return out;
    },

    async forUser(userId, fromMs, toMs) {
      const rows = await db
        .selectFrom('call_record_people as p')
        .innerJoin('call_records as r', 'r.id', 'p.record_id')
        .selectAll('r')
        .where('p.user_id', '=', userId.toLowerCase())
        .where('p.start_at', '>=', fromMs)
        .where('p.start_at', '<', toMs)
        .orderBy('p.start_at')
        .execute();
      return rows.map(toSummary);
    },

    async purgeBefore(beforeMs) {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('call_record_people').where('start_at', '<', beforeMs).execute();
        const res = await trx.deleteFrom('call_records').where('start_at', '<', beforeMs).executeTakeFirst();
        return Number(res.numDeletedRows);
      });
    },
  };
}
