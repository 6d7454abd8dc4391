// Scheduled jobs in memory, on the transactional tables: a claim is a lease (claimedBy, claimedUntil),
// and replacing a keyed job gives it a new id and drops its claim, as jobs.ts documents.
import { randomUUID } from 'node:crypto';
import type { ClaimedJob, JobRow, Jobs } from '../jobs';
import type { Exec, Table } from './db';
import { fromText, toText } from './json';

/** A job row with its payload as JSON text. */
export type JobRecord = Omit<JobRow, 'payload'> & { readonly payload: string };

const DEFAULT_CLAIM_LIMIT = 10;
const DEFAULT_CLAIM_LEASE_MS = 60_000;

const toJob = (r: JobRecord): JobRow => ({ ...r, payload: fromText(r.payload) });
const byDue = (a: JobRecord, b: JobRecord) => a.dueAt - b.dueAt || a.createdAt - b.createdAt;

export function createMemoryJobs(table: Table<string, JobRecord>, exec: Exec): Jobs {
  const byKey = (key: string) => table.values().find((r) => r.key === key);

  return {
    schedule: (job) =>
      exec(() => {
        const replaced = job.key === undefined ? undefined : byKey(job.key);
        if (replaced) table.delete(replaced.id);
        const id = randomUUID();
        table.set(id, {
          id,
          kind: job.kind,
          key: job.key ?? null,
          dueAt: job.dueAt,
          payload: toText(job.payload),
          attempts: 0,
          lastError: null,
          claimedBy: null,
          claimedUntil: null,
          createdAt: Date.now(),
        });
        return id;
      }),

    claimDue: (owner, opts = {}) =>
      exec(() => {
        const now = opts.now ?? Date.now();
        const leaseMs = opts.leaseMs ?? DEFAULT_CLAIM_LEASE_MS;
        const kinds = opts.kinds && new Set(opts.kinds);
        const due = table
          .values()
          .filter(
            (r) =>
              r.dueAt <= now &&
              (r.claimedUntil === null || r.claimedUntil < now) &&
              (kinds === undefined || kinds.has(r.kind)),
          )
          .sort(byDue)
          .slice(0, opts.limit ?? DEFAULT_CLAIM_LIMIT);
        return due.map((r) => {
          const claimed = { ...r, claimedBy: owner, claimedUntil: now + leaseMs };
          table.set(r.id, claimed);
          return toJob(claimed) as ClaimedJob;
        });
      }),

    complete: (id, owner) => exec(() => table.get(id)?.claimedBy === owner && table.delete(id)),

    retry: (id, owner, dueAt, error) =>
      exec(() => {
        const r = table.get(id);
        if (r?.claimedBy !== owner) return false;
        table.set(id, {
          ...r,
          attempts: r.attempts + 1,
          dueAt,
          lastError: error,
          claimedBy: null,
          claimedUntil: null,
        });
        return true;
      }),

    async cancel({ id, key }) {
      if (id === undefined && key === undefined) throw new TypeError('jobs.cancel needs an id or a key');
      return exec(() => {
        // Both given: the job must match both, as the SQL store's delete does.
        const found = id === undefined ? byKey(key ?? '') : table.get(id);
        if (!found || (key !== undefined && found.key !== key)) return false;
        return table.delete(found.id);
      });
    },

    list: (opts = {}) =>
      exec(() => {
        const rows = table
          .values()
          .filter((r) => opts.kind === undefined || r.kind === opts.kind)
          .sort(byDue);
        return (opts.limit === undefined ? rows : rows.slice(0, opts.limit)).map(toJob);
      }),
  };
}
