// Rewrites the JSON a call's rows keep (operation resources, inbox notifications, timeline data) so that
// something may be erased from them after the fact, leaving no copy in the database files either.
import { sql } from 'kysely';
import type { CallJsonRewrite } from '../calling';
import type { Store } from './types';

const TABLES = [
  { table: 'call_operations', key: 'id', column: 'resource' },
  { table: 'call_inbox', key: 'seq', column: 'notification' },
  { table: 'call_timeline', key: 'id', column: 'data' },
] as const;

/** Applies `how` to every matching row of the call in one transaction; answers how many rows changed. */
export async function rewriteCallJson(
  store: Pick<Store, 'db' | 'kind'>,
  callId: string,
  how: CallJsonRewrite,
): Promise<number> {
  const db = store.db;
  const mentions = (text: string | null): text is string =>
    text !== null && how.mentioning.some((m) => text.includes(m));
  let changed = 0;
  // SQLite keeps overwritten bytes in free space and old page images in its WAL: zero freed space on
  // write, and empty the WAL afterwards, so the file holds no copy either. (PostgreSQL keeps dead row
  // versions until VACUUM; autovacuum clears them.)
  if (store.kind === 'sqlite') await sql`pragma secure_delete = on`.execute(db);
  await db.transaction().execute(async (tx) => {
    for (const { table, key, column } of TABLES) {
      const rows = await tx
        .selectFrom(table)
        .select([
          sql<string | number>`${sql.ref(key)}`.as('k'),
          sql<string | null>`${sql.ref(column)}`.as('v'),
        ])
        .where('call_id', '=', callId)
        .where((eb) => eb.or(how.mentioning.map((m) => eb(column, 'like', `%${m}%`))))
        .execute();
      for (const row of rows) {
        if (!mentions(row.v)) continue;
        const next = how.rewrite(row.v);
        if (next === undefined || next === row.v) continue;
        await tx
          .updateTable(table)
          .set({ [column]: next })
          .where(key, '=', row.k as never)
          .execute();
        changed++;
      }
    }
  });
  if (store.kind === 'sqlite' && changed > 0) await sql`pragma wal_checkpoint(TRUNCATE)`.execute(db);
  return changed;
}
