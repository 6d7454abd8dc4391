import type { Generated, Kysely } from 'kysely';
import type { CallingStorage } from '../calling';
import type { FlowsTable, InstancesTable, LivenessOptions, StoreInstances } from './flow-tables';
import type { MeetingsTable } from './meeting-table';
import type {
  QueueAgentsTable,
  QueueEntriesTable,
  QueueRingAttemptsTable,
  QueueSignInsTable,
  QueuesTable,
} from './queue-tables';

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
  /** How this process's heartbeat is kept (instances, flow-tables.ts). */
  liveness?: LivenessOptions;
}

/** An open store: the calling module's storage (`CallingStorage`, defined in calling/) and more. */
export interface Store extends CallingStorage {
  readonly kind: StoreKind;
  /** Cheap query; used by GET /readyz. */
  ping(): Promise<void>;
  /** Idempotent. */
  close(): Promise<void>;
  /** This process and the others sharing the database, by heartbeat. */
  readonly instances: StoreInstances;
  /** For repositories inside store/ (calls, timeline...). */
  readonly db: Kysely<Database>;
}

export type * from './flow-tables';
export type * from './queue-tables';
