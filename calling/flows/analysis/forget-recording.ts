// After a recording was fetched and analysed, nothing of it may stay (the platform's terms): the call
// model keeps operation resources and notifications as they came, recordingLocation and
// recordingAccessToken included, so those fields are removed from the call's rows here. The rows are
// JSON text on both databases; the calling tables have no repository method for this, so it goes
// through the store's typed query builder.
import { sql } from 'kysely';
import type { Store } from '../../../store';

const SECRET_KEYS = new Set(['recordingLocation', 'recordingAccessToken']);
const MARK = '%recording%';

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

function scrubText(text: string | null): string | null | undefined {
  if (text === null || !/recordingLocation|recordingAccessToken/.test(text)) return undefined;
  return JSON.stringify(withoutRecordingRefs(JSON.parse(text) as unknown));
}

/** Removes every recording reference kept for a call; returns how many rows changed. */
export async function forgetRecordings(store: Store, callId: string): Promise<number> {
  const db = store.db;
  let changed = 0;
  // SQLite keeps overwritten bytes in free space and old page images in its WAL: zero freed space on
  // write, and empty the WAL afterwards, so the file holds no copy either. (PostgreSQL keeps dead row
  // versions until VACUUM; autovacuum clears them.)
  if (store.kind === 'sqlite') await sql`pragma secure_delete = on`.execute(db);
  await db.transaction().execute(async (tx) => {
    const ops = await tx
      .selectFrom('call_operations')
      .select(['id', 'resource'])
      .where('call_id', '=', callId)
      .where('resource', 'like', MARK)
      .execute();
    for (const row of ops) {
      const clean = scrubText(row.resource);
      if (clean === undefined) continue;
      await tx.updateTable('call_operations').set({ resource: clean }).where('id', '=', row.id).execute();
      changed++;
    }
    const inbox = await tx
      .selectFrom('call_inbox')
      .select(['seq', 'notification'])
      .where('call_id', '=', callId)
      .where('notification', 'like', MARK)
      .execute();
    for (const row of inbox) {
      const clean = scrubText(row.notification);
      if (clean === undefined || clean === null) continue;
      await tx.updateTable('call_inbox').set({ notification: clean }).where('seq', '=', row.seq).execute();
      changed++;
    }
    const timeline = await tx
      .selectFrom('call_timeline')
      .select(['id', 'data'])
      .where('call_id', '=', callId)
      .where('data', 'like', MARK)
      .execute();
    for (const row of timeline) {
      const clean = scrubText(row.data);
      if (clean === undefined) continue;
      await tx.updateTable('call_timeline').set({ data: clean }).where('id', '=', row.id).execute();
      changed++;
    }
  });
  if (store.kind === 'sqlite' && changed > 0) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  return changed;
}
