import type { Generated, Kysely } from 'kysely';
import type { FlowsTable, InstancesTable, Instances, LivenessOptions } from './flow-types';
import type { MeetingsTable } from './meeting-types';
import type {
  QueueAgentsTable,
  QueueEntriesTable,
  QueueRingAttemptsTable,
  QueueSignInsTable,
  QueuesTable,
} from './queue-types';

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
  /** The instance holding the lease (null for leases taken before instances were recorded). */
  instance: string | null;
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

export interface CallsTable {
  /** Normalised call id (lower-case, hyphenated GUID when it is one). */
  id: string;
  /** The call id as Graph spelled it; null in rows written before it was kept (then `id` stands in). */
  wire_id: string | null;
  tenant_id: string;
  direction: string;
  state: string;
  /** JSON: the latest call resource seen. */
  resource: string;
  my_participant_id: string | null;
  /** JSON: the roster as the calling core keeps it. */
  participants: string;
  /** JSON: dedupe marks (tone sequence ids, roster sequence numbers...). */
  marks: string;
  /** JSON: the position of whatever flow drives the call. */
  flow: string | null;
  /** The flow that receives the call's events (its key in the flows table). */
  flow_key: string | null;
  scenario_id: string | null;
  created_at: number;
  updated_at: number;
  last_notified_at: number | null;
  ended_at: number | null;
  end_code: number | null;
  end_subcode: number | null;
  end_reason: string | null;
  /** JSON: the app's annotations (purpose, origin, people rung and their statuses...); migration 0007. */
  meta: string | null;
  /** +1 on every change of the call the model shows (migration 0007). */
  version: number;
}

export interface CallInboxTable {
  seq: Generated<number>;
  call_id: string;
  tenant_id: string;
  received_at: number;
  /** JSON: the parsed notification. */
  notification: string;
  content_hash: string;
  processed_at: number | null;
  /** What the row holds: a received `notification`, or a `flow` event for the flow keyed by call_id. */
  kind: Generated<string>;
}

export interface CallOperationsTable {
  /** Our id for the operation (also its clientContext when we started it). */
  id: string;
  /** The id Graph gave it; null until the response (or the notification) names it. */
  graph_id: string | null;
  /** That id as Graph spelled it (graph_id is its normalised form, for matching). */
  wire_id: string | null;
  call_id: string;
  kind: string;
  client_context: string | null;
  status: string;
  result_info: string | null;
  resource: string | null;
  created_at: number;
  settled_at: number | null;
}

export interface CallTimelineTable {
  id: Generated<number>;
  call_id: string;
  at: number;
  kind: string;
  summary: string;
  data: string | null;
}

/** One Graph call record, summarised (migration 0003). */
export interface CallRecordsTable {
  /** The record id (the call's callChainId), lower-case. */
  id: string;
  /** Graph's version: grows with every update of the record. */
  version: number;
  type: string;
  /** JSON: the modalities list. */
  modalities: string;
  start_at: number;
  end_at: number;
  organizer_id: string | null;
  /** JSON: the user ids of the participants. */
  participant_ids: string;
  stored_at: number;
}

/** Who took part in a call record (organizer and participants), for per-user lookups. */
export interface CallRecordPeopleTable {
  record_id: string;
  user_id: string;
  start_at: number;
}

/** All tables; later repositories add theirs here and in migrations.ts. */
export interface Database {
  kv: KvTable;
  locks: LocksTable;
  jobs: JobsTable;
  calls: CallsTable;
  call_inbox: CallInboxTable;
  call_operations: CallOperationsTable;
  call_timeline: CallTimelineTable;
  call_records: CallRecordsTable;
  call_record_people: CallRecordPeopleTable;
  meetings: MeetingsTable;
  flows: FlowsTable;
  instances: InstancesTable;
  queue_entries: QueueEntriesTable;
  queue_agents: QueueAgentsTable;
  queues: QueuesTable;
  queue_ring_attempts: QueueRingAttemptsTable;
  queue_sign_ins: QueueSignInsTable;
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
  /** How this process's heartbeat is kept (instances, flow-types.ts). */
  liveness?: LivenessOptions;
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
  /** This process and the others sharing the database, by heartbeat. */
  readonly instances: Instances;
  /** For repositories inside store/ (calls, timeline...). */
  readonly db: Kysely<Database>;
}

/** A Graph call record as the app keeps it: who, when, how; times are epoch milliseconds. */
export interface CallRecordSummary {
  /** Lower-case record id (the call's callChainId). */
  id: string;
  version: number;
  /** Graph's callType: peerToPeer, groupCall, unknown... */
  type: string;
  modalities: string[];
  startAt: number;
  endAt: number;
  /** The organizer's user id, when a user organized the call. */
  organizerId: string | null;
  /** User ids of the participants (lower-case, no duplicates). */
  participantIds: string[];
}

/** What a put did: stored a new record, replaced an older version, or kept the stored one. */
export type RecordPutResult = 'inserted' | 'updated' | 'kept';

/** Call-record summaries; a newer version replaces an older one, never the other way round. */
export interface CallRecordSummaries {
  put(summary: CallRecordSummary, storedAt: number): Promise<RecordPutResult>;
  get(id: string): Promise<CallRecordSummary | undefined>;
  /** The stored versions of these record ids (absent ids are not in the map). */
  versions(ids: readonly string[]): Promise<Map<string, number>>;
  /** Records `userId` organized or took part in that started in [fromMs, toMs), oldest first. */
  forUser(userId: string, fromMs: number, toMs: number): Promise<CallRecordSummary[]>;
  /** Removes records that started before `beforeMs`; returns how many. */
  purgeBefore(beforeMs: number): Promise<number>;
}

export type * from './call-data-types';
export type * from './meeting-types';
export type * from './flow-types';
export type * from './queue-types';
