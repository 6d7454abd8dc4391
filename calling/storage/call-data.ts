// The calling core's repositories: calls, their inbox of notifications, operations and timeline, bound
// together so that one transaction spans them (the store implements them in its call-*-repo.ts).

/** A call as storage keeps it; JSON values come back parsed. */
export interface StoredCall {
  /** The call id normalised for matching (lower-case hyphenated when it is a GUID). */
  id: string;
  /** The call id exactly as Graph spelled it: what every request about the call sends back. */
  wireId: string;
  tenantId: string;
  direction: string;
  state: string;
  resource: Record<string, unknown>;
  myParticipantId: string | null;
  participants: unknown;
  marks: unknown;
  flow: unknown;
  /** The flow that receives the call's events (null: none). */
  flowKey?: string | null;
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
  /** The call's state alone (none of its JSON read), or undefined when no such call is stored. */
  stateOf(id: string): Promise<string | undefined>;
  /** The calls among these ids that exist (one query). */
  getMany(ids: readonly string[]): Promise<StoredCall[]>;
  /** Inserts unless the id exists; returns whether it inserted. */
  insert(call: StoredCall): Promise<boolean>;
  update(id: string, patch: StoredCallPatch): Promise<boolean>;
  /** Newest first; `active` keeps calls whose state is not terminated. */
  list(opts?: { active?: boolean; limit?: number }): Promise<StoredCall[]>;
  /** Calls of this direction that are neither ringing (`incoming`) nor ended, except the one named. */
  countInProgress(opts: { direction: string; except?: string }): Promise<number>;
  /** Calls not terminated whose last notification (or creation) is older than `before`, oldest first. */
  silentSince(before: number, limit?: number): Promise<StoredCall[]>;
}

/** What an inbox row holds: a notification received for a call, or an event for a flow. */
export type InboxRowKind = 'notification' | 'flow';

export interface NewInboxRow {
  /** The call the notification is about, or the key of the flow the event is for. */
  callId: string;
  /** Default `notification`. */
  kind?: InboxRowKind;
  tenantId: string;
  receivedAt: number;
  notification: unknown;
  contentHash: string;
}

export interface InboxRow extends NewInboxRow {
  kind: InboxRowKind;
  seq: number;
  processedAt: number | null;
}

/** Received notifications, kept in arrival order per call until (and after) they are processed. */
export interface CallInboxRepo {
  /** Appends the rows in one transaction, in order; returns their sequence numbers. */
  append(rows: readonly NewInboxRow[]): Promise<number[]>;
  /** A call's unprocessed rows (of `kind`, default notifications), or a flow's events, in arrival order. */
  pending(callId: string, limit?: number, kind?: InboxRowKind): Promise<InboxRow[]>;
  markProcessed(seq: number, at: number): Promise<void>;
  /** Marks a row processed unless it already was; false when it was (someone else processed it). */
  claimProcessed(seq: number, at: number): Promise<boolean>;
  /** Marks many rows processed in one statement. */
  markProcessedMany(seqs: readonly number[], at: number): Promise<void>;
  /** The unprocessed notification rows of any of these calls, in arrival order. */
  pendingFor(callIds: readonly string[], limit: number): Promise<InboxRow[]>;
  /** Whether a processed row of this call has the same content hash. */
  seenHash(callId: string, contentHash: string): Promise<boolean>;
  /** Of these (call, content hash) pairs, the ones a processed row has, as `${callId}\u0000${hash}`. */
  seenHashes(pairs: ReadonlyArray<{ callId: string; contentHash: string }>): Promise<Set<string>>;
  /**
   * Ids of calls (or, with kind `flow`, flow keys) that have unprocessed rows of that kind (default
   * notifications), oldest backlog first; `receivedBefore` keeps older backlogs only.
   */
  callsWithPending(opts?: {
    limit?: number;
    receivedBefore?: number;
    kind?: InboxRowKind;
  }): Promise<string[]>;
}

export type StoredOperationStatus = 'pending' | 'running' | 'completed' | 'failed';

export interface StoredOperation {
  id: string;
  /** Graph's id for the operation, normalised for matching. */
  graphId: string | null;
  /** Graph's id exactly as Graph spelled it. */
  wireId: string | null;
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
   * Records the Graph id of an operation we started (normalised, and as Graph spelled it). If a
   * completion for that id was stored before we knew it (an orphan row), its outcome and its spelling
   * (the first one learned) move onto our row. Returns the row as it now is.
   */
  attachGraphId(
    id: string,
    graphId: string,
    status: StoredOperationStatus,
    wireId: string,
  ): Promise<StoredOperation>;
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
