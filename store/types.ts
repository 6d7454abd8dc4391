import type { Kysely } from 'kysely';

/** Row shapes of the store's tables, as Kysely sees them. Times are epoch milliseconds. */
export interface KvTable {
  ns: string;
  key: string;
  /** JSON text, so both databases store and compare it the same way. */
  value: string;
  version: number;
  expires_at: number | null;
  updated_at: number;
}

export interface LocksTable {
  key: string;
  owner: string;
  expires_at: number;
}

export interface JobsTable {
  id: string;
  kind: string;
  key: string | null;
  due_at: number;
  payload: string;
  attempts: number;
  last_error: string | null;
  claimed_by: string | null;
  claimed_until: number | null;
  created_at: number;
}

/** All tables; later repositories add theirs here and in migrations.ts. */
export interface Database {
  kv: KvTable;
  locks: LocksTable;
  jobs: JobsTable;
}

export type StoreKind = 'sqlite' | 'postgres';

/** The subset of a pino logger the store uses. */
export interface StoreLogger {
  info(o: object, m?: string): void;
  warn(o: object, m?: string): void;
}

export interface StoreOptions {
  /** A postgres:// or postgresql:// URL selects PostgreSQL; empty or absent selects SQLite. */
  databaseUrl?: string;
  /** SQLite file; its folder is created if missing. */
  sqlitePath: string;
  logger?: StoreLogger;
}

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
  /** Returns the new version; throws StoreConflictError when expectedVersion does not match. */
  put<T>(ns: string, key: string, value: T, opts?: PutOptions): Promise<number>;
  delete(ns: string, key: string): Promise<boolean>;
  list<T>(ns: string, opts?: { prefix?: string; limit?: number }): Promise<Array<KvEntry<T>>>;
  /** Removes expired entries (reads already ignore them); returns how many. */
  purgeExpired(): Promise<number>;
}

export interface LockOptions {
  /** How long to wait for the lock before StoreLockTimeoutError (default 10 s). */
  waitMs?: number;
  /** Lease length; renewed every leaseMs/3 while fn runs (default 30 s). */
  leaseMs?: number;
}

/** Handed to the locked function; `signal` aborts if the lease was lost (renewal failed). */
export interface LockLease {
  readonly key: string;
  readonly signal: AbortSignal;
}

/** Per-key lock that serializes work across processes and instances. Not re-entrant. */
export interface Locks {
  withLock<T>(key: string, fn: (lease: LockLease) => Promise<T>, opts?: LockOptions): Promise<T>;
}

export interface NewJob {
  kind: string;
  dueAt: number;
  payload: unknown;
  /** Unique: scheduling the same key again replaces the pending job. */
  key?: string;
}

export interface JobRow {
  id: string;
  kind: string;
  key: string | null;
  dueAt: number;
  payload: unknown;
  attempts: number;
  lastError: string | null;
  claimedBy: string | null;
  claimedUntil: number | null;
  createdAt: number;
}

export interface ClaimedJob extends JobRow {
  claimedBy: string;
  claimedUntil: number;
}

export interface ClaimOptions {
  kinds?: string[];
  /** Default 10. */
  limit?: number;
  /** How long the claim holds before another owner may take the job (default 60 s). */
  leaseMs?: number;
  now?: number;
}

/** Scheduled work: due jobs are claimed exactly once, even by several processes. */
export interface Jobs {
  schedule(job: NewJob): Promise<string>;
  claimDue(owner: string, opts?: ClaimOptions): Promise<ClaimedJob[]>;
  /** Removes a job this owner holds. */
  complete(id: string, owner: string): Promise<boolean>;
  /** Releases a job this owner holds: attempts+1, due again at dueAt. */
  retry(id: string, owner: string, dueAt: number, error: string): Promise<boolean>;
  cancel(idOrKey: { id?: string; key?: string }): Promise<boolean>;
  list(opts?: { kind?: string; limit?: number }): Promise<JobRow[]>;
}

export interface Store {
  readonly kind: StoreKind;
  /** Cheap query; used by GET /readyz. */
  ping(): Promise<void>;
  /** Idempotent. */
  close(): Promise<void>;
  readonly kv: KeyValue;
  readonly locks: Locks;
  readonly jobs: Jobs;
  /** For repositories inside store/ (calls, timeline...). */
  readonly db: Kysely<Database>;
}
