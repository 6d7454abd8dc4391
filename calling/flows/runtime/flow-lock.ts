// A flow step's lock: it waits for as long as another holder keeps the lock. An event is never
// dropped because a lock was busy; a dead holder's lease is taken over by the store within seconds.
import type { CoreLogger } from '../../core';
import { isLockTimeout, type Locks } from '../../storage';

export interface FlowLockOptions {
  readonly locks: Locks;
  readonly log: CoreLogger;
  /** How long one wait lasts before it is logged and begun again. */
  readonly waitMs: number;
  /** True once the runtime stops: the step is left to whoever holds the flow (or takes it over). */
  readonly stopped: () => boolean;
}

/** Runs fn under the lock; undefined when the runtime stopped while waiting. */
export async function waitForLock<T>(
  o: FlowLockOptions,
  key: string,
  fn: () => Promise<T>,
): Promise<T | undefined> {
  for (let waited = o.waitMs; ; waited += o.waitMs) {
    try {
      return await o.locks.withLock(key, fn, { waitMs: o.waitMs });
    } catch (err) {
      if (!isLockTimeout(err)) throw err;
      if (o.stopped()) return undefined;
      o.log.warn({ key, waitedMs: waited }, 'a flow step still waits for its lock; waiting on');
    }
  }
}
