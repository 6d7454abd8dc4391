// The errors the memory storage rejects with, known by their `code` like the SQL store's.
import { LOCK_TIMEOUT } from '../locks';

export class MemoryStorageError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** A kv write whose expectedVersion did not match (code STORE_CONFLICT). */
export class MemoryConflictError extends MemoryStorageError {
  constructor(message: string) {
    super('STORE_CONFLICT', message);
  }
}

/** withLock waited waitMs without getting the lock (code STORE_LOCK_TIMEOUT). */
export class MemoryLockTimeoutError extends MemoryStorageError {
  constructor(
    readonly key: string,
    waitMs: number,
  ) {
    super(
      LOCK_TIMEOUT,
      `Waited ${waitMs} ms for lock "${key}" without getting it; another holder in this process kept it ` +
        `(release it, or give withLock a longer waitMs).`,
    );
  }
}
