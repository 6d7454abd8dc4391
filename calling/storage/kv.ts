// Key-value storage as the calling module needs it: JSON values in namespaces, optimistic concurrency by
// version, optional expiry (the webhook's durable inbox, the records subscription, the front desk's rules).

export interface KvEntry<T> {
  key: string;
  value: T;
  version: number;
}

export interface PutOptions {
  /** 0 = the key must not exist; n = the stored version must be n. */
  expectedVersion?: number;
  ttlMs?: number;
}

/** JSON values in namespaces, optimistic concurrency by version, optional expiry. */
export interface KeyValue {
  get<T>(ns: string, key: string): Promise<{ value: T; version: number } | undefined>;
  /** Returns the new version; rejects (code `STORE_CONFLICT`) when expectedVersion does not match. */
  put<T>(ns: string, key: string, value: T, opts?: PutOptions): Promise<number>;
  delete(ns: string, key: string): Promise<boolean>;
  list<T>(ns: string, opts?: { prefix?: string; limit?: number }): Promise<Array<KvEntry<T>>>;
  /** Removes expired entries (reads already ignore them); returns how many. */
  purgeExpired(): Promise<number>;
}
