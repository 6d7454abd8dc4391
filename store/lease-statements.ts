// The lease statements of the locks table (locks.ts), batched: the takes and the releases that many
// callers ask for at about the same time (a drain cycle's calls, the steps of many flows) each run as one
// statement, so under load a flow step no longer pays two commits of its own for its lease.
import type { Kysely } from 'kysely';
import type { StoreInstances } from './flow-tables';
import {
  NUMBER_PLACEHOLDER,
  numberPlaceholders,
  padded,
  placeholders,
  powerOfTwoRuns,
  prepare,
  preparedByShape,
} from './prepared-query';
import { createStatementBatch } from '../calling';
import type { Database } from './types';

// Keys in one statement; the bound keeps it under both databases' parameter limits.
export const MAX_CLAIM = 500;

const [NOW, ALIVE_SINCE] = [NUMBER_PLACEHOLDER, numberPlaceholders(1)[0] ?? NUMBER_PLACEHOLDER - 1];

// Compiled once per number of keys. A lease is taken when free, expired, or held by an instance that is
// dead (no heartbeat since ALIVE_SINCE, or no row at all): a killed process's leases do not outlive it.
const takeQuery = preparedByShape<unknown[]>((db, n) => {
  const slots = placeholders(Number(n), 'lease').map((p) => ({
    key: `${p}:key`,
    owner: `${p}:owner`,
    expires_at: `${p}:expires`,
    instance: `${p}:instance`,
  }));
  const compiled = db
    .insertInto('locks')
    .values(slots as unknown as Array<{ key: string; owner: string; expires_at: number; instance: string }>)
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet((eb) => ({
          owner: eb.ref('excluded.owner'),
          expires_at: eb.ref('excluded.expires_at'),
          instance: eb.ref('excluded.instance'),
        }))
        .where((eb) =>
          eb.or([
            eb('locks.expires_at', '<', NOW),
            eb.and([
              eb('locks.instance', 'is not', null),
              eb(
                'locks.instance',
                'not in',
                eb.selectFrom('instances').select('instances.id').where('heartbeat_at', '>=', ALIVE_SINCE),
              ),
            ]),
          ]),
        ),
    )
    .returning(['key', 'owner'])
    .compile();
  return prepare<unknown[]>(compiled, [
    ...slots.flatMap((r) => [r.key, r.owner, r.expires_at, r.instance]),
    NOW,
    ALIVE_SINCE,
  ]);
});

// Each owner (one per withLock or claim) releases all it holds, so (key in K and owner in O) deletes
// exactly the releasing owners' rows. O is given key by key (the owner of each key, repeated as need be)
// so that the statement's shape is the number of keys alone: a shape per (owners, keys) pair would
// compile, and keep, a statement for each of thousands of pairs.
const releaseQuery = preparedByShape<unknown[]>((db, n) => {
  const o = placeholders(Number(n), 'owner');
  const k = placeholders(Number(n), 'key');
  const compiled = db.deleteFrom('locks').where('owner', 'in', o).where('key', 'in', k).compile();
  return prepare<unknown[]>(compiled, [...o, ...k]);
});

export interface LeaseStatements {
  /** Takes those of `keys` that are free or expired (or a dead instance's) for `owner`; answers those taken. */
  take(keys: readonly string[], owner: string, leaseMs: number): Promise<Set<string>>;
  /** Deletes the leases `owner` holds on `keys` (all it holds). */
  release(keys: ReadonlySet<string>, owner: string): Promise<void>;
}

interface TakeRequest {
  readonly keys: readonly string[];
  readonly owner: string;
  readonly expiresAt: number;
}

interface ReleaseRequest {
  readonly keys: ReadonlySet<string>;
  readonly owner: string;
}

/** The batched lease statements over `db`, for this instance. */
export function createLeaseStatements(
  db: Kysely<Database>,
  instances: Pick<StoreInstances, 'id' | 'deadAfterMs'>,
): LeaseStatements {
  // A key wanted twice in one statement goes to the first asker (PostgreSQL refuses to upsert one row
  // twice in a statement); the second finds it held and waits, as it would have a moment later.
  const takeBatch = createStatementBatch<TakeRequest, Set<string>>(
    async (requests) => {
      const seen = new Set<string>();
      const slots: Array<readonly unknown[]> = [];
      for (const r of requests)
        for (const key of r.keys) {
          if (seen.has(key)) continue;
          seen.add(key);
          slots.push([key, r.owner, r.expiresAt, instances.id]);
        }
      const now = Date.now();
      const won = new Map<string, string>();
      // A key may not repeat in an upsert, so the list is cut into runs rather than padded; runs share
      // a commit.
      const runs = powerOfTwoRuns(slots);
      const takeRuns = async (trx: Kysely<Database>) => {
        for (const run of runs) {
          const { rows } = await trx.executeQuery<{ key: string; owner: string }>(
            takeQuery(trx, String(run.length))(...run.flat(), now, now - instances.deadAfterMs),
          );
          for (const r of rows) won.set(r.key, r.owner);
        }
      };
      await (runs.length > 1 ? db.transaction().execute(takeRuns) : takeRuns(db));
      return requests.map((r) => new Set(r.keys.filter((k) => won.get(k) === r.owner)));
    },
    { maxSize: MAX_CLAIM, sizeOf: (r) => r.keys.length },
  );

  const releaseBatch = createStatementBatch<ReleaseRequest, void>(
    async (requests) => {
      // Padded with the last (owner, key): the same sets, so the same rows.
      const keys = padded(requests.flatMap((r) => [...r.keys]));
      const owners = padded(requests.flatMap((r) => [...r.keys].map(() => r.owner)));
      await db.executeQuery(releaseQuery(db, String(keys.length))(...owners, ...keys));
      return requests.map(() => undefined);
    },
    { maxSize: MAX_CLAIM, sizeOf: (r) => r.keys.size },
  );

  return {
    take: (keys, owner, leaseMs) => takeBatch({ keys, owner, expiresAt: Date.now() + leaseMs }),
    release: (keys, owner) => releaseBatch({ keys, owner }),
  };
}
