/** Base of the store's errors; `code` is stable, the message says what to do. */
export class StoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A write lost an optimistic-concurrency race (version or eTag mismatch). */
export class StoreConflictError extends StoreError {
  constructor(message: string) {
    super('STORE_CONFLICT', message);
  }
}

/** withLock waited waitMs without getting the lock. */
export class StoreLockTimeoutError extends StoreError {
  constructor(
    readonly key: string,
    waitMs: number,
  ) {
    super(
      'STORE_LOCK_TIMEOUT',
      `Waited ${waitMs} ms for lock "${key}" without getting it; another holder kept renewing it ` +
        `(a crashed holder's lease expires by itself).`,
    );
  }
}

/** The store could not be opened as configured. */
export class StoreConfigError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_CONFIG', message, options);
  }
}
