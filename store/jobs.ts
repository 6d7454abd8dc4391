import { randomUUID } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import type { ClaimedJob, ClaimOptions, JobRow, Jobs, NewJob } from '../calling';
import { placeholders, prepare, preparedByShape } from './prepared-query';
import type { Database, JobsTable, StoreKind } from './types';

const DEFAULT_CLAIM_LIMIT = 10;
const DEFAULT_CLAIM_LEASE_MS = 60_000;

function toJobRow(row: Selectable<JobsTable>): JobRow {
  return {
    id: row.id,
    kind: row.kind,
    key: row.key,
    dueAt: row.due_at,
    payload: JSON.parse(row.payload) as unknown,
    attempts: row.attempts,
    lastError: row.last_error,
    claimedBy: row.claimed_by,
    claimedUntil: row.claimed_until,
    createdAt: row.created_at,
  };
}

// Every answered call schedules its keepAlive: built once per database kind, run with new values.
const scheduleQuery = preparedByShape<unknown[]>((db) => {
  const values = placeholders(6, 'value');
  const [id, kind, key, dueAt, payload, createdAt] = values as [
    string,
    string,
    string,
    number,
    string,
    number,
  ];
  const compiled = db
    .insertInto('jobs')
    .values({
      id,
      kind,
      key,
      due_at: dueAt,
      payload,
      attempts: 0,
      last_error: null,
      claimed_by: null,
      claimed_until: null,
      created_at: createdAt,
    })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet((eb) => ({
        id: eb.ref('excluded.id'),
        kind: eb.ref('excluded.kind'),
        due_at: eb.ref('excluded.due_at'),
        payload: eb.ref('excluded.payload'),
        attempts: 0,
        last_error: null,
        claimed_by: null,
        claimed_until: null,
        created_at: eb.ref('excluded.created_at'),
      })),
    )
    .returning('id')
    .compile();
  return prepare<unknown[]>(compiled, values);
});

/**
 * The jobs table. A claim is a lease (claimed_by, claimed_until): if the claimer dies, the job is
 * due again once the lease passes. Replacing a keyed job gives it a new id and drops any claim, so
 * the old claimer's complete/retry no longer match.
 */
export function createJobs(db: Kysely<Database>, kind: StoreKind): Jobs {
  return {
    async schedule(job: NewJob) {
      const query = scheduleQuery(db, '')(
        randomUUID(),
        job.kind,
        job.key ?? null,
        job.dueAt,
        JSON.stringify(job.payload ?? null),
        Date.now(),
      );
      const { rows } = await db.executeQuery<{ id: string }>(query);
      const row = rows[0];
      if (!row) throw new Error(`scheduling a ${job.kind} job stored nothing`);
      return row.id;
    },

    async claimDue(owner: string, opts: ClaimOptions = {}) {
      const now = opts.now ?? Date.now();
      const leaseMs = opts.leaseMs ?? DEFAULT_CLAIM_LEASE_MS;
      if (opts.kinds && opts.kinds.length === 0) return [];
      let due = db
        .selectFrom('jobs')
        .select('id')
        .where('due_at', '<=', now)
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<', now)]))
        .orderBy('due_at')
        .limit(opts.limit ?? DEFAULT_CLAIM_LIMIT);
      if (opts.kinds) due = due.where('kind', 'in', opts.kinds);
      // PostgreSQL: rows another transaction is claiming are skipped, not waited for. SQLite has a
      // single writer, so the one UPDATE statement is already atomic.
      if (kind === 'postgres') due = due.forUpdate().skipLocked();
      const rows = await db
        .updateTable('jobs')
        .set({ claimed_by: owner, claimed_until: now + leaseMs })
        .where('id', 'in', due)
        .returningAll()
        .execute();
      return rows
        .map((r) => toJobRow(r) as ClaimedJob)
        .sort((a, b) => a.dueAt - b.dueAt || a.createdAt - b.createdAt);
    },

    async complete(id: string, owner: string) {
      const result = await db
        .deleteFrom('jobs')
        .where('id', '=', id)
        .where('claimed_by', '=', owner)
        .executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async retry(id: string, owner: string, dueAt: number, error: string) {
      const result = await db
        .updateTable('jobs')
        .set((eb) => ({
          attempts: eb('attempts', '+', 1),
          due_at: dueAt,
          last_error: error,
          claimed_by: null,
          claimed_until: null,
        }))
        .where('id', '=', id)
        .where('claimed_by', '=', owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },

    async cancel(idOrKey: { id?: string; key?: string }) {
      if (idOrKey.id === undefined && idOrKey.key === undefined) {
        throw new TypeError('jobs.cancel needs an id or a key');
      }
      let query = db.deleteFrom('jobs');
      if (idOrKey.id !== undefined) query = query.where('id', '=', idOrKey.id);
      if (idOrKey.key !== undefined) query = query.where('key', '=', idOrKey.key);
      const result = await query.executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async list(opts: { kind?: string; limit?: number } = {}) {
      let query = db.selectFrom('jobs').selectAll().orderBy('due_at').orderBy('created_at');
      if (opts.kind !== undefined) query = query.where('kind', '=', opts.kind);
      if (opts.limit !== undefined) query = query.limit(opts.limit);
      return (await query.execute()).map(toJobRow);
    },
  };
}
