// Hand-written wire types for what the official schema does not describe well: the notification envelope
// Graph POSTs to the calling webhook (SPEC §0.3). Resource bodies use @microsoft/microsoft-graph-types.

export type ChangeType = 'created' | 'updated' | 'deleted';

/** What a notification's resourceUrl points at. */
export type ResourceKind = 'call' | 'participants' | 'operation' | 'contentSharing' | 'unknown';

/** One commsNotification after tolerant parsing; unknown fields are kept in `raw`. */
export interface ParsedNotification {
  readonly changeType: ChangeType;
  /** Normalised: leading '/', `/communications/...` form, ids as their keys (`ids.ts`). */
  readonly resourceUrl: string;
  readonly kind: ResourceKind;
  /** The call id's key: lower-case hyphenated when it is a GUID (compact upper-case ids are folded). */
  readonly callId: string;
  /** The call id exactly as the resourceUrl spelled it: what requests about the call send back. */
  readonly callWireId: string;
  /** The operation id's key. */
  readonly operationId?: string;
  /** The operation id exactly as the resourceUrl spelled it. */
  readonly operationWireId?: string;
  readonly resourceData: Record<string, unknown> | ReadonlyArray<Record<string, unknown>>;
  /** resourceData.resultInfo when resourceData is one object, with codes as numbers and `subCode` folded. */
  readonly resultInfo?: ResultInfo;
  readonly raw: Readonly<Record<string, unknown>>;
}

/** A verified POST to /api/calls: who sent it (tenant from the token) and what it carried, in order. */
export interface InboundBatch {
  readonly tenantId: string;
  readonly receivedAt: number;
  readonly notifications: readonly ParsedNotification[];
}

/** Where the webhook edge hands a verified batch; resolves once the batch is durably stored. */
export interface CallInbox {
  accept(batch: InboundBatch): Promise<void>;
}

/** Graph's resultInfo, tolerant of string codes and the `subCode` spelling. */
export interface ResultInfo {
  readonly code: number;
  readonly subcode: number;
  readonly message?: string;
}
