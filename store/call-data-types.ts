// The calling core's repositories as the store offers them: calls, their inbox of notifications,
// operations and timeline (implemented in call-*-repo.ts, bound together by call-data.ts).

/** A call as the store keeps it; JSON columns come back parsed. */
export interface StoredCall {
  id: string;
  tenantId: string;
  direction: string;
  state: string;
  resource: Record<string, unknown>;
  myParticipantId: string | null;
  participants: unknown;
  marks: unknown;
  flow: unknown;
  scenarioId: string | null;
  createdAt: number;
  updatedAt: number;
  lastNotifiedAt: number | null;
  endedAt: number | null;
  endCode: number | null;
  endSubcode: number | null;
  endReason: string | null;
  /** The app's annotations of the call (the calling core's call model reads them). */
  meta: unknown;
  /** Grows by one with every change of the call its model shows. */
  version: number;
}

export type StoredCallPatch = Partial<Omit<StoredCall, 'id' | 'createdAt'>>;

/** The calls table. */
export interface CallsRepo {
  get(id: string): Promise<StoredCall | undefined>;
  /** The calls among these ids that exist (one query). */
  getMany(ids: readonly string[]): Promise<StoredCall[]>;
  /** Inserts unless the id exists; returns whether it inserted. */
  insert(call: StoredCall): Promise<boolean>;
  update(id: string, patch: StoredCallPatch): Promise<boolean>;
  /** Newest first; `active` keeps calls whose state is not terminated. */
  list(opts?: { active?: boolean; limit?: number }): Promise<StoredCall[]>;
  /** Calls not terminated whose last notification (or creation) is older than `before`, oldest first. */
  silentSince(before: number, limit?: number): Promise<StoredCall[]>;
}

export interface NewInboxRow {
  callId: string;
  tenantId: string;
  receivedAt: number;
  notification: unknown;
  contentHash: string;
}

export interface InboxRow extends NewInboxRow {
  seq: number;
  processedAt: number | null;
}

/** Received notifications, kept in arrival order per call until (and after) they are processed. */
export interface CallInboxRepo {
  /** Appends the rows in one transaction, in order; returns their sequence numbers. */
  append(rows: readonly NewInboxRow[]): Promise<number[]>;
  /** A call's unprocessed rows in arrival order. */
  pending(callId: string, limit?: number): Promise<InboxRow[]>;
  markProcessed(seq: number, at: number): Promise<void>;
  /** Marks many rows processed in one statement. */
  markProcessedMany(seqs: readonly number[], at: number): Promise<void>;
  /** The unprocessed rows of any of these calls, in arrival order. */
  pendingFor(callIds: readonly string[], limit: number): Promise<InboxRow[]>;
  /** Whether a processed row of this call has the same content hash. */
  seenHash(callId: string, contentHash: string): Promise<boolean>;
  /** Of these (call, content hash) pairs, the ones a processed row has, as `${callId}\u0000${hash}`. */
  seenHashes(pairs: ReadonlyArray<{ callId: string; contentHash: string }>): Promise<Set<string>>;
  /** Ids of calls that have unprocessed rows, oldest backlog first; `receivedBefore` keeps older backlogs only. */
  callsWithPending(opts?: { limit?: number; receivedBefore?: number }): Promise<string[]>;
}

export type StoredOperationStatus = 'pending' | 'running' | 'completed' | 'failed';

export interface StoredOperation {
  id: string;
  graphId: string | null;
  callId: string;
  kind: string;
  clientContext: string | null;
  status: StoredOperationStatus;
  resultInfo: unknown;
  resource: unknown;
  createdAt: number;
  settledAt: number | null;
}

export interface OperationSettlement {
  status: 'completed' | 'failed';
  resultInfo: unknown;
  resource: unknown;
  at: number;
}

/** Long-running Graph operations and how they ended. */
export interface CallOperationsRepo {
  insert(op: StoredOperation): Promise<void>;
  get(id: string): Promise<StoredOperation | undefined>;
  /** The operation with this Graph id, else the one with this clientContext. */
  find(ref: { graphId?: string; clientContext?: string }): Promise<StoredOperation | undefined>;
  /**
   * Records the Graph id of an operation we started. If a completion for that id was stored before we
   * knew it (an orphan row), its outcome moves onto our row. Returns the row as it now is.
   */
  attachGraphId(id: string, graphId: string, status: StoredOperationStatus): Promise<StoredOperation>;
  /** Settles an unsettled operation; false when it was already settled (or unknown). */
  settle(id: string, outcome: OperationSettlement): Promise<boolean>;
  /** Of these ids, the ones that are settled. */
  settledAmong(ids: readonly string[]): Promise<StoredOperation[]>;
  /** A call's operations that are not settled yet. */
  openForCall(callId: string): Promise<StoredOperation[]>;
  listForCall(callId: string): Promise<StoredOperation[]>;
}

export type TimelineKind = 'notification' | 'request' | 'state' | 'operation' | 'flow' | 'decision';

export interface TimelineEntry {
  callId: string;
  at: number;
  kind: TimelineKind;
  summary: string;
  data?: unknown;
}

/** What happened to a call, in order. */
export interface CallTimelineRepo {
  add(entries: readonly TimelineEntry[]): Promise<void>;
  list(callId: string, opts?: { limit?: number }): Promise<Array<TimelineEntry & { id: number }>>;
}

/** The calling core's tables; `transaction` runs fn with the same repositories bound to one transaction. */
export interface CallData {
  readonly calls: CallsRepo;
  readonly inbox: CallInboxRepo;
  readonly operations: CallOperationsRepo;
  readonly timeline: CallTimelineRepo;
  transaction<T>(fn: (tx: CallData) => Promise<T>): Promise<T>;
}
