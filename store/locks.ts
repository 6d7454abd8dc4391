import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { StoreLockTimeoutError } from './errors';
import type { Database, LeaseGroup, LockLease, LockOptions, Locks, StoreLogger } from './types';

const DEFAULT_WAIT_MS = 10_000;
const DEFAULT_LEASE_MS = 30_000;
const MIN_POLL_MS = 5;
const MAX_POLL_MS = 100;
// claim puts its keys into one statement each way; the bound keeps it under both databases' parameter limits.
const MAX_CLAIM = 500;

/**
 * Lease-row locks on the locks table. One atomic upsert takes a free or expired lease; the holder
 * renews it every leaseMs/3 and deletes it when done; a holder that dies simply stops renewing.
 */
export function createLocks(db: Kysely<Database>, logger: StoreLogger): Locks {
  const ownerPrefix = `${hostname()}:${process.pid}`;
  // Waiters in this process are woken on release, so local hand-offs skip the poll delay.
  const localWaiters = new Map<string, Set<() => void>>();

  async function tryAcquire(key: string, owner: string, leaseMs: number): Promise<boolean> {
    const now = Date.now();
    const row = await db
      .insertInto('locks')
      .values({ key, owner, expires_at: now + leaseMs })
      .onConflict((oc) =>
        oc
          .column('key')
          .doUpdateSet((eb) => ({
            owner: eb.ref('excluded.owner'),
            expires_at: eb.ref('excluded.expires_at'),
          }))
          .where('locks.expires_at', '<', now),
      )
      .returning('owner')
      .executeTakeFirst();
    return row?.owner === owner;
  }

  function waitForRelease(key: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const set = localWaiters.get(key) ?? new Set();
      localWaiters.set(key, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0 && localWaiters.get(key) === set) localWaiters.delete(key);
        resolve();
      };
      const timer = setTimeout(done, ms);
      set.add(done);
    });
  }

  function wakeOne(key: string): void {
    const first = localWaiters.get(key)?.values().next();
    if (first && !first.done) first.value();
  }

  async function acquire(key: string, owner: string, waitMs: number, leaseMs: number): Promise<void> {
    const deadline = Date.now() + waitMs;
    let pollMs = MIN_POLL_MS;
    while (!(await tryAcquire(key, owner, leaseMs))) {
      const left = deadline - Date.now();
      if (left <= 0) throw new StoreLockTimeoutError(key, waitMs);
      // Jitter keeps processes that lost together from retrying together.
      await waitForRelease(key, Math.min(left, pollMs * (0.5 + Math.random())));
      pollMs = Math.min(pollMs * 2, MAX_POLL_MS);
    }
  }

  function keepRenewed(key: string, owner: string, leaseMs: number, lost: AbortController): () => void {
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const schedule = () => {
      timer = setTimeout(renew, Math.max(1, Math.floor(leaseMs / 3)));
    };
    const renew = async () => {
      try {
        const result = await db
          .updateTable('locks')
          .set({ expires_at: Date.now() + leaseMs })
          .where('key', '=', key)
          .where('owner', '=', owner)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0 && !stopped) {
          logger.warn({ key }, 'lock lease lost before the work finished; another holder may run now');
          lost.abort(new Error(`lease on lock "${key}" was lost`));
          return;
        }
      } catch (error) {
        // Keep trying: a brief database hiccup shorter than the lease must not drop the lock.
        logger.warn({ key, err: error }, 'renewing a lock lease failed');
      }
      if (!stopped) schedule();
    };
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  async function release(key: string, owner: string): Promise<void> {
    try {
      await db.deleteFrom('locks').where('key', '=', key).where('owner', '=', owner).execute();
    } catch (error) {
      // The lease expires by itself; failing the caller's finished work over this would be worse.
      logger.warn({ key, err: error }, 'releasing a lock failed; it frees itself when its lease expires');
    }
    wakeOne(key);
  }

  async function claim(keys: readonly string[], leaseMs: number): Promise<LeaseGroup> {
    const unique = [...new Set(keys)];
    if (unique.length > MAX_CLAIM) throw new Error(`claim takes at most ${MAX_CLAIM} keys at once`);
    const owner = `${ownerPrefix}:${randomUUID()}`;
    const lost = new AbortController();
    const held = new Set<string>();
    if (unique.length > 0) {
      const now = Date.now();
      const rows = await db
        .insertInto('locks')
        .values(unique.map((key) => ({ key, owner, expires_at: now + leaseMs })))
        .onConflict((oc) =>
          oc
            .column('key')
            .doUpdateSet((eb) => ({
              owner: eb.ref('excluded.owner'),
              expires_at: eb.ref('excluded.expires_at'),
            }))
            .where('locks.expires_at', '<', now),
        )
        .returning(['key', 'owner'])
        .execute();
      for (const r of rows) if (r.owner === owner) held.add(r.key);
    }
    const stopRenewing = held.size > 0 ? keepGroupRenewed(held, owner, leaseMs, lost) : () => undefined;
    let released: Promise<void> | undefined;
    return {
      held,
      signal: lost.signal,
      release() {
        released ??= (async () => {
          stopRenewing();
          if (held.size === 0) return;
          try {
            await db
              .deleteFrom('locks')
              .where('owner', '=', owner)
              .where('key', 'in', [...held])
              .execute();
          } catch (error) {
            logger.warn(
              { err: error, keys: held.size },
              'releasing locks failed; they free themselves on expiry',
            );
          }
          for (const key of held) wakeOne(key);
        })();
        return released;
      },
    };
  }

  function keepGroupRenewed(
    held: ReadonlySet<string>,
    owner: string,
    leaseMs: number,
    lost: AbortController,
  ): () => void {
    const timer = setInterval(
      () => {
        db.updateTable('locks')
          .set({ expires_at: Date.now() + leaseMs })
          .where('owner', '=', owner)
          .where('key', 'in', [...held])
          .executeTakeFirst()
          .then((result) => {
            if (Number(result.numUpdatedRows) < held.size && !lost.signal.aborted) {
              logger.warn({ owner }, 'a lease of a claimed group was lost; another holder may run now');
              lost.abort(new Error('a lease of the claimed group was lost'));
            }
          })
          .catch((error: unknown) => logger.warn({ err: error }, 'renewing claimed leases failed'));
      },
      Math.max(1, Math.floor(leaseMs / 3)),
    );
    timer.unref();
    return () => clearInterval(timer);
  }

  return {
    claim: (keys, opts = {}) => claim(keys, opts.leaseMs ?? DEFAULT_LEASE_MS),
    async withLock<T>(key: string, fn: (lease: LockLease) => Promise<T>, opts: LockOptions = {}) {
      const waitMs = opts.waitMs ?? DEFAULT_WAIT_MS;
      const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
      const owner = `${ownerPrefix}:${randomUUID()}`;
      await acquire(key, owner, waitMs, leaseMs);
      const lost = new AbortController();
      const stopRenewing = keepRenewed(key, owner, leaseMs, lost);
      try {
        return await fn({ key, signal: lost.signal });
      } finally {
        stopRenewing();
        await release(key, owner);
      }
    },
  };
}
