import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { StoreLockTimeoutError } from './errors';
import type { StoreInstances } from './flow-tables';
import { createLeaseStatements, MAX_CLAIM } from './lease-statements';
import type { LeaseGroup, LockLease, LockOptions, Locks } from '../calling';
import type { Database, StoreLogger } from './types';

const DEFAULT_WAIT_MS = 10_000;
const DEFAULT_LEASE_MS = 30_000;
const MIN_POLL_MS = 5;
const MAX_POLL_MS = 100;

/**
 * Lease-row locks on the locks table. One atomic upsert takes the free or expired leases among some keys,
 * and those held by a dead instance; the holder renews them every leaseMs/3 and deletes them when done;
 * a holder that dies stops renewing, and its leases go as soon as its instance counts as dead. withLock
 * waits for one key; claim takes, without waiting, whichever of many keys are free.
 */
export function createLocks(
  db: Kysely<Database>,
  logger: StoreLogger,
  instances: Pick<StoreInstances, 'id' | 'deadAfterMs'>,
): Locks {
  const ownerPrefix = `${hostname()}:${process.pid}`;
  // Waiters in this process are woken on release, so local hand-offs skip the poll delay.
  const localWaiters = new Map<string, Set<() => void>>();

  const { take, release: deleteLeases } = createLeaseStatements(db, instances);

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
    while ((await take([key], owner, leaseMs)).size === 0) {
      const left = deadline - Date.now();
      if (left <= 0) throw new StoreLockTimeoutError(key, waitMs);
      // Jitter keeps processes that lost together from retrying together.
      await waitForRelease(key, Math.min(left, pollMs * (0.5 + Math.random())));
      pollMs = Math.min(pollMs * 2, MAX_POLL_MS);
    }
  }

  /** Renews `held` every leaseMs/3 until the returned stop is called; aborts `lost` if one went. */
  function keepRenewed(
    held: ReadonlySet<string>,
    owner: string,
    leaseMs: number,
    lost: AbortController,
  ): () => void {
    let timer: NodeJS.Timeout | undefined;
    let stopped = false;
    const keys = [...held];
    const schedule = () => {
      timer = setTimeout(renewThenReschedule, Math.max(1, Math.floor(leaseMs / 3)));
      timer.unref();
    };
    /** Resolves false once a lease is lost (the work is told through `lost`), true otherwise. */
    const renew = async (): Promise<boolean> => {
      const result = await db
        .updateTable('locks')
        .set({ expires_at: Date.now() + leaseMs })
        .where('owner', '=', owner)
        .where('key', 'in', keys)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) < keys.length && !stopped) {
        logger.warn({ keys }, 'lock lease lost before the work finished; another holder may run now');
        lost.abort(new Error(`a lease on ${keys.map((k) => `"${k}"`).join(', ')} was lost`));
        return false;
      }
      return true;
    };
    const next = (held: boolean): void => {
      if (held && !stopped) schedule();
    };
    const renewThenReschedule = (): void => {
      renew().then(next, (error: unknown) => {
        // Keep trying: a brief database hiccup shorter than the lease must not drop the lock.
        logger.warn({ keys, err: error }, 'renewing a lock lease failed');
        next(true);
      });
    };
    schedule();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }

  async function release(held: ReadonlySet<string>, owner: string): Promise<void> {
    if (held.size === 0) return;
    try {
      await deleteLeases(held, owner);
    } catch (error) {
      // The leases expire by themselves; failing the caller's finished work over this would be worse.
      logger.warn(
        { keys: held.size, err: error },
        'releasing a lock failed; it frees itself when its lease expires',
      );
    }
    for (const key of held) wakeOne(key);
  }

  async function claim(keys: readonly string[], leaseMs: number): Promise<LeaseGroup> {
    const unique = [...new Set(keys)];
    if (unique.length > MAX_CLAIM) throw new Error(`claim takes at most ${MAX_CLAIM} keys at once`);
    const owner = `${ownerPrefix}:${randomUUID()}`;
    const lost = new AbortController();
    const held = unique.length > 0 ? await take(unique, owner, leaseMs) : new Set<string>();
    const stopRenewing = held.size > 0 ? keepRenewed(held, owner, leaseMs, lost) : () => undefined;
    let released: Promise<void> | undefined;
    return {
      held,
      signal: lost.signal,
      release() {
        stopRenewing();
        released ??= release(held, owner);
        return released;
      },
    };
  }

  return {
    claim: (keys, opts = {}) => claim(keys, opts.leaseMs ?? DEFAULT_LEASE_MS),
    async withLock<T>(key: string, fn: (lease: LockLease) => Promise<T>, opts: LockOptions = {}) {
      const waitMs = opts.waitMs ?? DEFAULT_WAIT_MS;
      const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
      const owner = `${ownerPrefix}:${randomUUID()}`;
      await acquire(key, owner, waitMs, leaseMs);
      const held = new Set([key]);
      const lost = new AbortController();
      const stopRenewing = keepRenewed(held, owner, leaseMs, lost);
      try {
        return await fn({ key, signal: lost.signal });
      } finally {
        stopRenewing();
        await release(held, owner);
      }
    },
  };
}
