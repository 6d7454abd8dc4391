// Leases that serialize work across processes: one key at a time (`withLock`), or a batch of keys taken
// at once without waiting (`claim`, how the calling core takes the calls of a batch).

/** The `code` of the error `withLock` rejects with when it waited `waitMs` without getting the lock. */
export const LOCK_TIMEOUT = 'STORE_LOCK_TIMEOUT';

/** Whether `err` is a lock timeout (by its code, so any implementation's error class qualifies). */
export function isLockTimeout(err: unknown): boolean {
  return typeof err === 'object' && err !== null && 'code' in err && err.code === LOCK_TIMEOUT;
}

export interface LockOptions {
  /** How long to wait for the lock before rejecting with a LOCK_TIMEOUT error (default 10 s). */
  waitMs?: number;
  /** Lease length; renewed every leaseMs/3 while fn runs (default 30 s). */
  leaseMs?: number;
}

/** Handed to the locked function; `signal` aborts if the lease was lost (renewal failed). */
export interface LockLease {
  readonly key: string;
  readonly signal: AbortSignal;
}

/** The leases `claim` got: the keys held, a signal that aborts if any of them was lost, and release. */
export interface LeaseGroup {
  readonly held: ReadonlySet<string>;
  readonly signal: AbortSignal;
  /** Frees every held key (never throws: an unreleased lease expires by itself). */
  release(): Promise<void>;
}

/** Per-key lock that serializes work across processes and instances. Not re-entrant. */
export interface Locks {
  withLock<T>(key: string, fn: (lease: LockLease) => Promise<T>, opts?: LockOptions): Promise<T>;
  /**
   * Takes, in one statement and without waiting, those of `keys` that are free (or whose lease expired);
   * the others are held elsewhere and left alone. The group's leases are renewed until release.
   */
  claim(keys: readonly string[], opts?: Pick<LockOptions, 'leaseMs'>): Promise<LeaseGroup>;
}
