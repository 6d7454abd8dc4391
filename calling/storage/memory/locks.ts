// Leases in memory: one holder per key until it releases or its lease runs out. withLock waits (woken
// on release, or when the holder's lease ends), claim takes the free keys at once; both renew their
// leases every leaseMs/3, and a lease found taken by someone else at renewal aborts its signal.
import { randomUUID } from 'node:crypto';
import type { LeaseGroup, LockLease, LockOptions, Locks } from '../locks';
import { MemoryLockTimeoutError } from './errors';

const DEFAULT_WAIT_MS = 10_000;
const DEFAULT_LEASE_MS = 30_000;

/** Who holds a key, until when. */
export interface Lease {
  readonly owner: string;
  readonly expiresAt: number;
}

/** The lease table: a key is free when it has no lease or its lease has run out. */
export type LeaseTable = Map<string, Lease>;

export function createMemoryLocks(leases: LeaseTable, now: () => number): Locks {
  const waiters = new Map<string, Set<() => void>>();

  const free = (key: string) => {
    const lease = leases.get(key);
    return lease === undefined || lease.expiresAt < now();
  };

  function take(keys: readonly string[], owner: string, leaseMs: number): Set<string> {
    const held = new Set<string>();
    for (const key of keys)
      if (free(key)) {
        leases.set(key, { owner, expiresAt: now() + leaseMs });
        held.add(key);
      }
    return held;
  }

  /** Resolves on a release of `key`, when its lease may have run out, or after `ms`. */
  function waitForTurn(key: string, ms: number): Promise<void> {
    const lease = leases.get(key);
    const untilExpiry = lease ? lease.expiresAt - now() + 1 : ms;
    return new Promise((resolve) => {
      const set = waiters.get(key) ?? new Set();
      waiters.set(key, set);
      const done = () => {
        clearTimeout(timer);
        set.delete(done);
        if (set.size === 0 && waiters.get(key) === set) waiters.delete(key);
        resolve();
      };
      const timer = setTimeout(done, Math.max(1, Math.min(ms, untilExpiry)));
      set.add(done);
    });
  }

  function keepRenewed(keys: ReadonlySet<string>, owner: string, leaseMs: number, lost: AbortController) {
    const timer = setInterval(
      () => {
        const gone = [...keys].filter((key) => leases.get(key)?.owner !== owner);
        if (gone.length > 0) {
          clearInterval(timer);
          lost.abort(new Error(`a lease on ${gone.map((k) => `"${k}"`).join(', ')} was lost`));
          return;
        }
        for (const key of keys) leases.set(key, { owner, expiresAt: now() + leaseMs });
      },
      Math.max(1, Math.floor(leaseMs / 3)),
    );
    timer.unref();
    return () => clearInterval(timer);
  }

  function release(keys: ReadonlySet<string>, owner: string): void {
    for (const key of keys) {
      if (leases.get(key)?.owner !== owner) continue;
      leases.delete(key);
      const first = waiters.get(key)?.values().next();
      if (first && !first.done) first.value();
    }
  }

  return {
    async withLock<T>(key: string, fn: (lease: LockLease) => Promise<T>, opts: LockOptions = {}) {
      const waitMs = opts.waitMs ?? DEFAULT_WAIT_MS;
      const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
      const owner = randomUUID();
      const deadline = now() + waitMs;
      while (take([key], owner, leaseMs).size === 0) {
        const left = deadline - now();
        if (left <= 0) throw new MemoryLockTimeoutError(key, waitMs);
        await waitForTurn(key, left);
      }
      const held = new Set([key]);
      const lost = new AbortController();
      const stop = keepRenewed(held, owner, leaseMs, lost);
      try {
        return await fn({ key, signal: lost.signal });
      } finally {
        stop();
        release(held, owner);
      }
    },

    async claim(keys, opts = {}): Promise<LeaseGroup> {
      const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
      const owner = randomUUID();
      const held = take([...new Set(keys)], owner, leaseMs);
      const lost = new AbortController();
      const stop = held.size > 0 ? keepRenewed(held, owner, leaseMs, lost) : () => undefined;
      return {
        held,
        signal: lost.signal,
        async release() {
          stop();
          release(held, owner);
        },
      };
    },
  };
}
